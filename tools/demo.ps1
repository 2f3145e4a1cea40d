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
    Write-Host "Emulator (a stand-in for the DLI API, not a Spark runtime) at $($emulator.BaseUri)"
    $secretKey = ConvertTo-SecureString $emulator.SecretKey -AsPlainText -Force
    Connect-Dli -Endpoint $emulator.BaseUri -ProjectId $emulator.ProjectId -AccessKey $emulator.AccessKey -SecretKey $secretKey

    $session = New-DliSession -ClusterName 'demo_cluster' -Name 'demo' -ScType A -DriverMemory 2GB
    New-DliSession -Queue 'demo_queue' -Name 'second' | Out-Null

    Get-DliSession | Format-Table | Out-Host
}
finally {
    Stop-DliEmulator $emulator
}
