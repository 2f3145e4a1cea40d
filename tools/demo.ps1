# The README's first command: the module against the local emulator, from connecting to cleaning up.
# build.ps1 Demo builds first and runs this in a fresh pwsh.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
Import-Module "$PSScriptRoot/../tests/pester/DliEmulator.psm1"

$emulator = Start-DliEmulator -Path $EmulatorPath -ArgumentList '--idle-delay-ms', '1500', '--statement-ms', '800'
try {
    Write-Host "Emulator at $($emulator.BaseUri): the DLI session and Spark job APIs' stand-in; it answers statements and jobs, it does not run Spark."
    $secretKey = ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force
    Connect-Dli -Endpoint $emulator.BaseUri -ProjectId $emulator.ProjectId -AccessKey $emulator.AccessKey -SecretKey $secretKey

    Write-Host "`n> New-DliSession -ClusterName demo_cluster -Name nightly -ScType A -DriverMemory 2GB -Wait"
    $session = New-DliSession -ClusterName 'demo_cluster' -Name 'nightly' -ScType A -DriverMemory 2GB -Wait
    New-DliSession -Queue 'demo_queue' -Name 'adhoc' | Out-Null

    Write-Host "`n> `$session | Invoke-DliStatement -Code 'val rows = spark.range(1000).count()'"
    $session | Invoke-DliStatement -Code 'val rows = spark.range(1000).count()' | Format-List | Out-Host

    Write-Host "> `$session | Get-DliSessionLog -Tail 5"
    $session | Get-DliSessionLog -Tail 5 | Out-Host

    Write-Host "`n> Get-DliSession | Format-Table"
    Get-DliSession | Format-Table | Out-String -Width 160 | Out-Host

    Write-Host "> Get-DliSession | Remove-DliSession -Force"
    Get-DliSession | Remove-DliSession -Force
    Write-Host "Sessions left: $(@(Get-DliSession).Count)"

    Write-Host "`n> Submit-DliSparkJob -Queue demo_queue -Name nightly-etl -File obs://demo-bucket/etl.jar -ClassName com.example.Etl -Wait | Get-DliSparkJobLog -Tail 5"
    Submit-DliSparkJob -Queue 'demo_queue' -Name 'nightly-etl' -File 'obs://demo-bucket/etl.jar' -ClassName 'com.example.Etl' -Wait |
        Get-DliSparkJobLog -Tail 5 | Out-Host

    Write-Host "`n> A job whose driver fails (the emulator's control API makes it die): Wait-DliSparkJob reports it"
    $doomed = Submit-DliSparkJob -Queue 'demo_queue' -Name 'doomed' -File 'obs://demo-bucket/etl.jar' -ClassName 'com.example.Etl'
    Invoke-DliEmulatorSparkJobFailure $emulator -Id $doomed.Id -Reason 'java.lang.OutOfMemoryError: Java heap space' | Out-Null
    $doomed | Wait-DliSparkJob -ErrorAction SilentlyContinue -ErrorVariable failure | Out-Null
    Write-Host "$($failure[0].FullyQualifiedErrorId): $($failure[0].Exception.Message)"

    Write-Host "`n> Get-DliSparkJob | Format-Table"
    Get-DliSparkJob | Format-Table | Out-String -Width 160 | Out-Host
}
finally {
    Stop-DliEmulator $emulator
}
