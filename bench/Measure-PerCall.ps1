# Runs in a fresh pwsh started by Invoke-Benchmark.ps1, against an emulator it started (DLI_ENDPOINT, DLI_AUTH_TOKEN and
# HUAWEICLOUD_SDK_PROJECT_ID name it). Times one call of each contender, interleaved round by round so drift hits all
# alike, with the C# floor driven over stdin inside the same rounds. Prints one JSON object.
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $FloorPath,
    [Parameter(Mandatory)] [string] $AccessKey,
    [Parameter(Mandatory)] [string] $SecretKey,
    [int] $Rounds = 15,
    [int] $Batch = 100
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module $ModulePath
Import-Module (Join-Path $PSScriptRoot '../tests/pester/DliEmulator.psm1')
$emulator = [pscustomobject]@{ BaseUri = $env:DLI_ENDPOINT }

# AK/SK first: Connect-Dli always sets the default, and the token one must end up as the default.
$akSk = Connect-Dli -AccessKey $AccessKey -SecretKey ([Net.NetworkCredential]::new('', $SecretKey).SecurePassword) -PassThru
Connect-Dli

# Nothing has talked to the API yet, so every connection the emulator sees from here on is the module's.
$before = Get-DliEmulatorStats $emulator
$id = (New-DliSession -Queue bench -Name bench).Id
for ($i = 0; $i -lt 200; $i++) { $null = Get-DliSession -Id $id }
$connections = (Get-DliEmulatorStats $emulator).connections - $before.connections

$jobId = (Get-DliSparkJob -First 1).Id
$sessionsUri = "$env:DLI_ENDPOINT/v2.0/$env:HUAWEICLOUD_SDK_PROJECT_ID/sessions"
$getUri = "$sessionsUri/$id"
$headers = @{ 'X-Auth-Token' = $env:DLI_AUTH_TOKEN }
$web = New-Object Microsoft.PowerShell.Commands.WebRequestSession
$http = [Net.Http.HttpClient]::new()
$http.DefaultRequestHeaders.Add('X-Auth-Token', $env:DLI_AUTH_TOKEN)
# The same body for every create contender: what New-DliSession sends for the parameters below.
$conf = @{ 'spark.sql.shuffle.partitions' = '8' }
$body = @{ kind = 'spark'; queue = 'bench'; name = 'bench'; conf = $conf }

$contenders = [ordered]@{
    'Get-DliSession -Id'                   = 'Get-DliSession -Id $id'
    'Get-DliSession -Id (AK/SK)'           = 'Get-DliSession -Id $id -Context $akSk'
    'Get-DliSparkJob -Id'                  = 'Get-DliSparkJob -Id $jobId'
    'Invoke-RestMethod GET'                = 'Invoke-RestMethod -Uri $getUri -Headers $headers'
    'Invoke-RestMethod GET -WebSession'    = 'Invoke-RestMethod -Uri $getUri -Headers $headers -WebSession $web'
    'HttpClient + JsonDocument (script)'   = '[Text.Json.JsonDocument]::Parse($http.GetStreamAsync($getUri).GetAwaiter().GetResult())'
    'New-DliSession'                       = 'New-DliSession -Queue bench -Name bench -Conf $conf'
    'Invoke-RestMethod POST + ConvertTo-Json' = 'Invoke-RestMethod -Method Post -Uri $sessionsUri -Headers $headers -ContentType application/json -Body (ConvertTo-Json -Depth 5 -InputObject $body)'
}
# One loop per contender, so each pays the same loop and timer overhead as the others.
$template = 'param($n) $t = [double[]]::new($n); $f = 1e6 / [Diagnostics.Stopwatch]::Frequency
for ($i = 0; $i -lt $n; $i++) { $s = [Diagnostics.Stopwatch]::GetTimestamp(); $null = CALL; $t[$i] = ([Diagnostics.Stopwatch]::GetTimestamp() - $s) * $f }
$t'
$runs = [ordered]@{}
foreach ($name in $contenders.Keys) { $runs[$name] = [scriptblock]::Create($template.Replace('CALL', $contenders[$name])) }

$psi = [Diagnostics.ProcessStartInfo]::new('dotnet')
foreach ($a in $FloorPath, 'serve', $env:DLI_ENDPOINT, $env:HUAWEICLOUD_SDK_PROJECT_ID, $env:DLI_AUTH_TOKEN) { $psi.ArgumentList.Add($a) }
$psi.RedirectStandardInput = $true; $psi.RedirectStandardOutput = $true; $psi.UseShellExecute = $false
$floor = [Diagnostics.Process]::Start($psi)
$runs['C# floor GET'] = { param($n) $floor.StandardInput.WriteLine("get $id $n"); [double[]]$floor.StandardOutput.ReadLine().Split(' ') }
$runs['C# floor GET Spark job'] = { param($n) $floor.StandardInput.WriteLine("getjob $jobId $n"); [double[]]$floor.StandardOutput.ReadLine().Split(' ') }
$runs['C# floor POST'] = { param($n) $floor.StandardInput.WriteLine("post $n"); [double[]]$floor.StandardOutput.ReadLine().Split(' ') }

$samples = @{}
foreach ($name in $runs.Keys) { $samples[$name] = [Collections.Generic.List[double]]::new() }
$names = @($runs.Keys)
$serverBefore = Get-DliEmulatorStats $emulator
for ($round = 0; $round -le $Rounds; $round++) {
    # Round 0 warms up (JIT, script compilation, connections); the start rotates so no contender always goes first.
    foreach ($k in 0..($names.Count - 1)) {
        $name = $names[($k + $round) % $names.Count]
        $times = & $runs[$name] $Batch
        if ($round -gt 0) { $samples[$name].AddRange([double[]]$times) }
    }
}
$serverAfter = Get-DliEmulatorStats $emulator
$floor.StandardInput.Close(); $floor.WaitForExit()

function Get-Percentile([double[]] $values, [double] $p) {
    $sorted = [double[]]$values.Clone(); [Array]::Sort($sorted)
    $sorted[[Math]::Min($sorted.Length - 1, [int][Math]::Floor($p * $sorted.Length))]
}
$perCall = [ordered]@{}
foreach ($name in $names) {
    $perCall[$name] = [ordered]@{ MedianUs = Get-Percentile $samples[$name] 0.5; P95Us = Get-Percentile $samples[$name] 0.95; Calls = $samples[$name].Count }
}

# Eight runspaces over the one process-wide pipeline; each times only its own loop, after a warm-up.
$perRunspace = 500
$spans = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
    Import-Module $using:ModulePath
    for ($i = 0; $i -lt 20; $i++) { $null = Get-DliSession -Id $using:id }
    $start = [Diagnostics.Stopwatch]::GetTimestamp()
    for ($i = 0; $i -lt $using:perRunspace; $i++) { $null = Get-DliSession -Id $using:id }
    [pscustomobject]@{ Start = $start; End = [Diagnostics.Stopwatch]::GetTimestamp() }
}
$seconds = (($spans.End | Measure-Object -Maximum).Maximum - ($spans.Start | Measure-Object -Minimum).Minimum) / [Diagnostics.Stopwatch]::Frequency

[ordered]@{
    PerCall               = $perCall
    Connections           = $connections
    ConnectionCalls       = 201
    ServerUsPerRequest    = ($serverAfter.serverMicroseconds - $serverBefore.serverMicroseconds) / ($serverAfter.requests - $serverBefore.requests)
    ParallelCallsPerSec   = 8 * $perRunspace / $seconds
    SerialCallsPerSec     = 1e6 / $perCall['Get-DliSession -Id'].MedianUs
} | ConvertTo-Json -Depth 5
