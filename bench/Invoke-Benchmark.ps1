<#
.SYNOPSIS
    Issue 8's benchmark: the module against what a PowerShell user would otherwise write, and against a C# floor.
.DESCRIPTION
    Called by `build.ps1 Bench` after publishing. Every PowerShell measurement runs in a fresh `dotnet pwsh.dll`
    process (never through `dotnet pwsh`, whose shim adds a process), against the local emulator. Prints the table and
    writes it, with the machine's facts, to -OutFile. Targets are checked and reported, never enforced: a miss is a
    finding about the module, not a failed build.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $FloorPath,
    [Parameter(Mandatory)] [string] $OutFile,
    [int] $StartRuns = 11,
    [int] $ListRuns = 3
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../tests/pester/DliEmulator.psm1')
$pwshDll = Join-Path $PSHOME 'pwsh.dll'
$started = [Diagnostics.Stopwatch]::StartNew()

function Invoke-Child {
    # Runs `dotnet <arguments>` to its end with the given environment; returns its wall time and stdout.
    param([string[]] $ArgumentList, [hashtable] $Environment = @{})
    $psi = [Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in $ArgumentList) { $psi.ArgumentList.Add($a) }
    foreach ($k in $Environment.Keys) { $psi.Environment[$k] = $Environment[$k] }
    $psi.Environment['NO_COLOR'] = '1'
    $psi.RedirectStandardOutput = $true; $psi.RedirectStandardError = $true; $psi.UseShellExecute = $false
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($psi)
    $stderr = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    $ms = $clock.Elapsed.TotalMilliseconds
    if ($process.ExitCode -ne 0) { throw "dotnet $($ArgumentList -join ' ') exited with $($process.ExitCode): $($stderr.Result)$stdout" }
    [pscustomobject]@{ Ms = $ms; Output = $stdout.Trim() }
}

function Get-Median([double[]] $values) {
    $sorted = [double[]]$values.Clone(); [Array]::Sort($sorted)
    $sorted[[int][Math]::Floor($sorted.Length / 2)]
}

function Get-EmulatorEnvironment($emulator) {
    @{ DLI_ENDPOINT = $emulator.BaseUri; DLI_AUTH_TOKEN = $emulator.Token; HUAWEICLOUD_SDK_PROJECT_ID = $emulator.ProjectId }
}

$loadBefore = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' }
$signUs = [double](Invoke-Child @($FloorPath, 'sign', '20000')).Output

# Start-up and per call: one emulator with a single session to read.
$emulator = Start-DliEmulator -Path $EmulatorPath -ArgumentList '--sessions', '1'
try {
    $environment = Get-EmulatorEnvironment $emulator
    $id = (Invoke-RestMethod "$($emulator.BaseUri)/v2.0/$($emulator.ProjectId)/sessions?from=0&size=1" -Headers @{ 'X-Auth-Token' = $emulator.Token }).sessions[0].id
    # The in-process import time is taken inside Measure-Command, as the reference measurement was: the first command
    # of a process also pays the engine's one-time start of command processing, which is pwsh's cost, not the module's.
    $variants = [ordered]@{
        Bare        = '1'
        Import      = "Import-Module '$ModulePath'"
        ImportTimed = "(Measure-Command { Import-Module '$ModulePath' }).TotalMilliseconds"
        Call        = "Import-Module '$ModulePath'; Connect-Dli; `$null = Get-DliSession -Id '$id'"
    }
    $start = @{}; $importInProcess = [Collections.Generic.List[double]]::new()
    foreach ($name in $variants.Keys) { $start[$name] = [Collections.Generic.List[double]]::new() }
    for ($run = 0; $run -le $StartRuns; $run++) {
        foreach ($name in $variants.Keys) {   # interleaved, so drift in the machine's load hits all alike
            $child = Invoke-Child @($pwshDll, '-NoProfile', '-NonInteractive', '-c', $variants[$name]) $environment
            if ($run -eq 0) { continue }       # warm-up: file cache
            $start[$name].Add($child.Ms)
            if ($name -eq 'ImportTimed') { $importInProcess.Add([double]$child.Output) }
        }
    }
    $perCall = (Invoke-Child @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Measure-PerCall.ps1'),
        '-ModulePath', $ModulePath, '-FloorPath', $FloorPath, '-AccessKey', $emulator.AccessKey, '-SecretKey', $emulator.SecretKey) $environment).Output |
        ConvertFrom-Json -AsHashtable
}
finally { Stop-DliEmulator $emulator }

# Listing: fresh processes against an emulator holding 100,000 sessions, warmed up by one untimed floor listing.
$emulator = Start-DliEmulator -Path $EmulatorPath -ArgumentList '--sessions', '100000'
try {
    $environment = Get-EmulatorEnvironment $emulator
    $floorList = @($FloorPath, 'list', $emulator.BaseUri, $emulator.ProjectId, $emulator.Token, '1000')
    $null = Invoke-Child $floorList
    $list = [ordered]@{}
    foreach ($mode in 'Floor', 'Bare', 'Streamed', 'Collected', 'FirstObject') { $list[$mode] = [Collections.Generic.List[object]]::new() }
    for ($run = 0; $run -lt $ListRuns; $run++) {
        foreach ($mode in $list.Keys) {
            $arguments = if ($mode -eq 'Floor') { $floorList } else {
                @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Measure-Listing.ps1'), '-Mode', $mode, '-ModulePath', $ModulePath)
            }
            $list[$mode].Add(((Invoke-Child $arguments $environment).Output | ConvertFrom-Json))
        }
    }
}
finally { Stop-DliEmulator $emulator }
$loadAfter = if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' }

# ---- results ----
$mib = 1MB
$call = $perCall.PerCall
$us = { param($name) $call[$name].MedianUs }
$bareStart = Get-Median $start.Bare
$bareWs = (Get-Median ($list.Bare | ForEach-Object PeakWorkingSet)) / $mib
$listSeconds = { param($mode) Get-Median ($list[$mode] | ForEach-Object Seconds) }
$listWs = { param($mode) (Get-Median ($list[$mode] | ForEach-Object PeakWorkingSet)) / $mib }

$rows = [Collections.Generic.List[object]]::new()
function Add-Row([string] $what, [string] $target, [string] $measured, $pass) {
    $verdict = if ($null -eq $pass) { '' } elseif ($pass) { 'PASS' } else { 'MISS' }
    $rows.Add([pscustomobject]@{ Benchmark = $what; Target = $target; Measured = $measured; Verdict = $verdict })
}
$getVsFloor = (& $us 'Get-DliSession -Id') / (& $us 'C# floor GET')
$getVsIrm = (& $us 'Get-DliSession -Id') / (& $us 'Invoke-RestMethod GET')
$newVsIrm = (& $us 'New-DliSession') / (& $us 'Invoke-RestMethod POST + ConvertTo-Json')
$streamVsFloor = (& $listSeconds 'Streamed') / (& $listSeconds 'Floor')
$pages = Get-Median ($list.FirstObject | ForEach-Object PagesRequested)
$importMs = Get-Median $importInProcess
$callOverBare = (Get-Median $start.Call) - $bareStart
Add-Row 'Get-DliSession -Id per call vs C# floor' '≤ 2.0×' ('{0:F3}× ({1:F0} µs vs {2:F0} µs)' -f $getVsFloor, (& $us 'Get-DliSession -Id'), (& $us 'C# floor GET')) ($getVsFloor -le 2.0)
Add-Row 'Get-DliSession -Id per call vs Invoke-RestMethod' '≤ 0.4×' ('{0:F3}× ({1:F0} µs vs {2:F0} µs)' -f $getVsIrm, (& $us 'Get-DliSession -Id'), (& $us 'Invoke-RestMethod GET')) ($getVsIrm -le 0.4)
Add-Row 'New-DliSession vs Invoke-RestMethod POST + ConvertTo-Json -Depth 5' '≤ 0.3×' ('{0:F3}× ({1:F0} µs vs {2:F0} µs)' -f $newVsIrm, (& $us 'New-DliSession'), (& $us 'Invoke-RestMethod POST + ConvertTo-Json')) ($newVsIrm -le 0.3)
Add-Row 'Get-DliSession | Measure-Object, 100,000 sessions, vs C# floor' '≤ 1.3×' ('{0:F3}× ({1:F2} s vs {2:F2} s)' -f $streamVsFloor, (& $listSeconds 'Streamed'), (& $listSeconds 'Floor')) ($streamVsFloor -le 1.3)
Add-Row 'First object before the second page is requested' 'pages requested = 1' ('{0} page(s) requested by the first object' -f $pages) ($pages -eq 1)
Add-Row 'Streamed listing peak working set over bare pwsh' '≤ +60 MiB' ('{0:+0;-0} MiB ({1:F0} MiB vs {2:F0} MiB)' -f ((& $listWs 'Streamed') - $bareWs), (& $listWs 'Streamed'), $bareWs) (((& $listWs 'Streamed') - $bareWs) -le 60)
Add-Row 'Import-Module alone (in process, Measure-Command)' '≤ 10 ms' ('{0:F1} ms' -f $importMs) ($importMs -le 10)
Add-Row 'Import + Connect-Dli + Get-DliSession -Id, whole process over bare pwsh' '≤ 100 ms' ('{0:+0;-0} ms ({1:F0} ms vs {2:F0} ms)' -f $callOverBare, (Get-Median $start.Call), $bareStart) ($callOverBare -le 100)
Add-Row "TCP connections over $($perCall.ConnectionCalls) module calls" '1' ('{0}' -f $perCall.Connections) ($perCall.Connections -eq 1)
Add-Row 'Bare pwsh -NoProfile -c 1 (whole process)' '' ('{0:F0} ms' -f $bareStart) $null
Add-Row 'Import-Module alone, whole process over bare pwsh' '' ('{0:+0;-0} ms' -f ((Get-Median $start.Import) - $bareStart)) $null
Add-Row 'Time to first object (Get-DliSession | Select-Object -First 1)' '' ('{0:F0} ms (C# floor {1:F0} ms)' -f (1000 * (& $listSeconds 'FirstObject')), (Get-Median ($list.Floor | ForEach-Object FirstObjectMs))) $null
Add-Row '$all = Get-DliSession, 100,000 sessions (collected)' '' ('{0:F2} s, peak {1:+0;-0} MiB over bare' -f (& $listSeconds 'Collected'), ((& $listWs 'Collected') - $bareWs)) $null
Add-Row 'C# floor listing peak working set (its own process, no pwsh)' '' ('{0:F0} MiB' -f (& $listWs 'Floor')) $null
Add-Row '8 runspaces (ForEach-Object -Parallel), Get-DliSession -Id' '' ('{0:F0} calls/s (one runspace: {1:F0} calls/s)' -f $perCall.ParallelCallsPerSec, $perCall.SerialCallsPerSec) $null
Add-Row 'AK/SK signing, per request (C#, the core''s signer)' '' ('{0:F1} µs' -f $signUs) $null
Add-Row 'Get-DliSession -Id with AK/SK instead of a token' '' ('{0:F0} µs ({1:+0;-0} µs, including the emulator''s verification)' -f (& $us 'Get-DliSession -Id (AK/SK)'), ((& $us 'Get-DliSession -Id (AK/SK)') - (& $us 'Get-DliSession -Id'))) $null
Add-Row 'Emulator''s own time per request during the per-call runs' '' ('{0:F0} µs' -f $perCall.ServerUsPerRequest) $null

$floorGet = & $us 'C# floor GET'; $irmGet = & $us 'Invoke-RestMethod GET'
$callRows = foreach ($name in $call.Keys) {
    [pscustomobject]@{
        Contender = $name; 'Median µs' = '{0:F0}' -f $call[$name].MedianUs; 'p95 µs' = '{0:F0}' -f $call[$name].P95Us
        '× C# floor GET' = '{0:F2}' -f ($call[$name].MedianUs / $floorGet); '× Invoke-RestMethod GET' = '{0:F2}' -f ($call[$name].MedianUs / $irmGet)
    }
}
$rows | Format-Table -AutoSize | Out-String -Width 300 | Out-Host
$callRows | Format-Table -AutoSize | Out-String -Width 300 | Out-Host

function ConvertTo-MarkdownTable($items) {
    $names = $items[0].PSObject.Properties.Name
    '| ' + ($names -join ' | ') + ' |'
    '| ' + (($names | ForEach-Object { '---' }) -join ' | ') + ' |'
    foreach ($item in $items) { '| ' + (($names | ForEach-Object { "$($item.$_)".Replace('|', '\|') }) -join ' | ') + ' |' }
}
$memory = if (Test-Path /proc/meminfo) { '{0:F1} GiB' -f ([double]((Select-String -Path /proc/meminfo -Pattern '^MemTotal:\s+(\d+)').Matches[0].Groups[1].Value) / 1MB) } else { 'n/a' }
New-Item -ItemType Directory -Force (Split-Path $OutFile) | Out-Null
$notes = Get-Content -Raw (Join-Path $PSScriptRoot 'benchmarks-notes.md')
$markdown = @(
    '# Benchmarks'
    ''
    'Written by `build.ps1 Bench` (bench/Invoke-Benchmark.ps1); do not edit by hand. Targets are from issue 8.'
    ''
    '## Machine'
    ''
    "- $([Environment]::ProcessorCount) cores, $memory memory, $([Runtime.InteropServices.RuntimeInformation]::OSDescription) ($([Runtime.InteropServices.RuntimeInformation]::OSArchitecture))"
    "- $([Runtime.InteropServices.RuntimeInformation]::FrameworkDescription), PowerShell $($PSVersionTable.PSVersion)"
    "- run on $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) UTC, taking $([Math]::Round($started.Elapsed.TotalMinutes, 1)) min; load average $loadBefore before and $loadAfter after"
    ''
    '## Targets'
    ''
    ConvertTo-MarkdownTable $rows
    ''
    "## Per call (median and p95 of $($call['Get-DliSession -Id'].Calls) calls each, interleaved in one process against one emulator, token auth)"
    ''
    ConvertTo-MarkdownTable @($callRows)
    ''
    "Start-up: medians of $StartRuns fresh processes each, interleaved. Listing: medians of $ListRuns fresh processes each, interleaved."
    ''
    $notes.TrimEnd()
) -join "`n"
Set-Content -Path $OutFile -Value $markdown -NoNewline:$false
Write-Host "Bench took $([Math]::Round($started.Elapsed.TotalMinutes, 1)) min; wrote $OutFile"
