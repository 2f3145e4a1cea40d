<#
.SYNOPSIS
    The module's benchmark (issues 8 and 14): the module against what a PowerShell user would otherwise write, and
    against a C# floor, each ratio measured several rounds over.
.DESCRIPTION
    Called by `build.ps1 Bench` after publishing. Every PowerShell measurement runs in a fresh `dotnet pwsh.dll`
    process (never through `dotnet pwsh`, whose shim adds a process), against the local emulator. Each round takes
    every measurement once (start-up, per call, listing), so a change in the machine's load lands between rounds and
    shows as the spread of a ratio; a verdict is on the median of the rounds, with the min and max beside it. Prints
    the tables and writes them, with the machine's facts and bench/benchmarks-notes.md, to -OutFile. Targets are
    checked and reported, never enforced: a miss is a finding about the module, not a failed build.
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $EmulatorPath,
    [Parameter(Mandatory)] [string] $FloorPath,
    [Parameter(Mandatory)] [string] $OutFile,
    [int] $Rounds = 3,
    [int] $StartRuns = 5,
    [int] $CallRounds = 8,
    [int] $ListRuns = 1
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../tests/pester/DliEmulator.psm1')
Import-Module (Join-Path $PSScriptRoot 'BenchSupport.psm1')
$pwshDll = Join-Path $PSHOME 'pwsh.dll'
$started = [Diagnostics.Stopwatch]::StartNew()
$loadBefore = Get-LoadAverage

# The reference module: nothing but the module's own format file, so the import's fixed PowerShell cost is visible.
$reference = Join-Path ([IO.Path]::GetTempPath()) "DliFormatOnly-$PID"
$referenceManifest = New-FormatOnlyModule -ModulePath $ModulePath -Destination $reference
# And a binary module with one cmdlet and the same views: the floor of any binary module, before its own code runs.
$floorModule = Join-Path ([IO.Path]::GetTempPath()) "DliFloor-$PID"
$floorManifest = New-BinaryFloorModule -ModulePath $ModulePath -Destination $floorModule

$signUs = [double](Invoke-Child @($FloorPath, 'sign', '20000')).Output
$single = Start-DliEmulator -Path $EmulatorPath -ArgumentList '--sessions', '1', '--batches', '1'
$many = Start-DliEmulator -Path $EmulatorPath -ArgumentList '--sessions', '100000', '--batches', '100000'
try {
    $singleEnvironment = Get-EmulatorEnvironment $single
    $manyEnvironment = Get-EmulatorEnvironment $many
    $id = (Invoke-RestMethod "$($single.BaseUri)/v2.0/$($single.ProjectId)/sessions?from=0&size=1" -Headers @{ 'X-Auth-Token' = $single.Token }).sessions[0].id
    $getUri = "$($single.BaseUri)/v2.0/$($single.ProjectId)/sessions/$id"
    # The in-process import times are taken inside Measure-Command: the first command of a process also pays the
    # engine's one-time start of command processing, which is pwsh's cost, not the module's.
    $timedInProcess = 'ImportTimed', 'FormatOnly', 'FloorTimed'   # these print the time they measured
    $variants = [ordered]@{
        Bare          = '1'
        Import        = "Import-Module '$ModulePath'"
        ImportTimed   = "(Measure-Command { Import-Module '$ModulePath' }).TotalMilliseconds"
        FormatOnly    = "(Measure-Command { Import-Module '$referenceManifest' }).TotalMilliseconds"
        FloorTimed    = "(Measure-Command { Import-Module '$floorManifest' }).TotalMilliseconds"
        FloorRunbook  = "Import-Module '$floorManifest'; `$null = Get-DliFloor"
        Runbook       = "Import-Module '$ModulePath'; Connect-Dli; `$null = Get-DliSession -Id '$id'"
        RestMethod    = "`$null = Invoke-RestMethod -Uri '$getUri' -Headers @{ 'X-Auth-Token' = `$env:DLI_AUTH_TOKEN }"
    }
    $floorList = @($FloorPath, 'list', $many.BaseUri, $many.ProjectId, $many.Token, '1000')
    $floorJobs = @($FloorPath, 'listjobs', $many.BaseUri, $many.ProjectId, $many.Token, '1000')
    $null = Invoke-Child $floorList   # warms the emulator's lists and the file cache
    $null = Invoke-Child $floorJobs
    $modes = 'Floor', 'FloorJobs', 'Bare', 'Streamed', 'StreamedJobs', 'Collected', 'FirstObject'

    $results = @(for ($round = 1; $round -le $Rounds; $round++) {
        Write-Host "Round $round of $Rounds (load average $(Get-LoadAverage))"
        $start = @{}
        foreach ($name in $variants.Keys) { $start[$name] = [Collections.Generic.List[double]]::new() }
        for ($run = 0; $run -le $StartRuns; $run++) {
            foreach ($name in $variants.Keys) {   # interleaved, so drift in the machine's load hits all alike
                $child = Invoke-Child @($pwshDll, '-NoProfile', '-NonInteractive', '-c', $variants[$name]) $singleEnvironment
                if ($run -eq 0) { continue }       # warm-up: file cache
                $start[$name].Add($(if ($name -in $timedInProcess) { [double]$child.Output } else { $child.Ms }))
            }
        }
        $perCall = (Invoke-Child @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Measure-PerCall.ps1'),
                '-ModulePath', $ModulePath, '-FloorPath', $FloorPath, '-AccessKey', $single.AccessKey, '-SecretKey', $single.SecretKey,
                '-Rounds', $CallRounds) $singleEnvironment).Output | ConvertFrom-Json -AsHashtable
        $list = @{}
        foreach ($mode in $modes) { $list[$mode] = [Collections.Generic.List[object]]::new() }
        for ($run = 0; $run -lt $ListRuns; $run++) {
            foreach ($mode in $modes) {
                $arguments = if ($mode -eq 'Floor') { $floorList } elseif ($mode -eq 'FloorJobs') { $floorJobs } else {
                    @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'Measure-Listing.ps1'), '-Mode', $mode, '-ModulePath', $ModulePath)
                }
                $listed = (Invoke-Child $arguments $manyEnvironment).Output | ConvertFrom-Json
                # A floor that stopped early would make every ratio against it meaningless.
                if ($mode -like 'Floor*' -and $listed.Count -ne 100000) { throw "The C# floor ($mode) listed $($listed.Count) items, not 100,000." }
                $list[$mode].Add($listed)
            }
        }
        $median = @{}
        foreach ($name in $variants.Keys) { $median[$name] = Get-Median $start[$name] }
        $listMedian = { param($mode, $property) Get-Median ($list[$mode] | ForEach-Object $property) }
        [pscustomobject]@{ Start = $median; PerCall = $perCall; List = $listMedian.GetNewClosure() }
    })
}
finally {
    Stop-DliEmulator $single
    Stop-DliEmulator $many
    Remove-Item $reference -Recurse -Force -ErrorAction Ignore
    Remove-Item $floorModule -Recurse -Force -ErrorAction Ignore
}
$loadAfter = Get-LoadAverage

# ---- results: one value per round for every figure, then min / median / max ----
function Get-PerRound([scriptblock] $value) { [double[]]@(foreach ($r in $results) { & $value $r }) }
$us = { param($r, $name) $r.PerCall.PerCall[$name].MedianUs }
$p95 = { param($r, $name) $r.PerCall.PerCall[$name].P95Us }
$mib = 1MB

$targets = [Collections.Generic.List[object]]::new()
function Add-Target {
    # A target: its values per round, a limit the median round must meet, and what the figure is measured against.
    param([string] $What, [string] $Target, [double[]] $Values, [scriptblock] $Pass, [string] $Format, [string] $Detail)
    $range = Get-Range $Values
    $passing = @($Values | Where-Object { & $Pass $_ }).Count
    $targets.Add([pscustomobject]@{
            Benchmark         = $What
            Target            = $Target
            'Median of rounds' = ($Format -f $range.Median) + $(if ($Detail) { " ($Detail)" })
            'Min – max'       = ($Format -f $range.Min) + ' – ' + ($Format -f $range.Max)
            'Rounds passing'  = "$passing of $($Values.Count)"
            Verdict           = if (& $Pass $range.Median) { 'PASS' } else { 'MISS' }
        })
}
function Get-MedianOf([scriptblock] $value) { (Get-Range (Get-PerRound $value)).Median }

$jobUs = Get-PerRound { param($r) & $us $r 'Get-DliSparkJob -Id' }
$floorJobUs = Get-PerRound { param($r) & $us $r 'C# floor GET Spark job' }
$getUs = Get-PerRound { param($r) & $us $r 'Get-DliSession -Id' }
$floorUs = Get-PerRound { param($r) & $us $r 'C# floor GET' }
Add-Target 'Get-DliSession -Id per call, median vs the C# floor' '≤ 2.0×' (Get-PerRound { param($r) (& $us $r 'Get-DliSession -Id') / (& $us $r 'C# floor GET') }) { $args[0] -le 2.0 } '{0:F2}×' `
    ('{0:F0} µs vs {1:F0} µs' -f (Get-Range $getUs).Median, (Get-Range $floorUs).Median)
Add-Target 'Get-DliSession -Id per call, p95 vs its own median' '≤ 2.5×' (Get-PerRound { param($r) (& $p95 $r 'Get-DliSession -Id') / (& $us $r 'Get-DliSession -Id') }) { $args[0] -le 2.5 } '{0:F2}×' `
    ('p95 {0:F0} µs; the C# floor''s p95 is {1:F2}× its median' -f (Get-MedianOf { param($r) & $p95 $r 'Get-DliSession -Id' }), (Get-MedianOf { param($r) (& $p95 $r 'C# floor GET') / (& $us $r 'C# floor GET') }))
Add-Target 'Get-DliSparkJob -Id per call, median vs the C# floor' '≤ 2.0×' (Get-PerRound { param($r) (& $us $r 'Get-DliSparkJob -Id') / (& $us $r 'C# floor GET Spark job') }) { $args[0] -le 2.0 } '{0:F2}×' `
    ('{0:F0} µs vs {1:F0} µs' -f (Get-Range $jobUs).Median, (Get-Range $floorJobUs).Median)
Add-Target 'Get-DliSparkJob -Id per call, p95 vs its own median' '≤ 2.5×' (Get-PerRound { param($r) (& $p95 $r 'Get-DliSparkJob -Id') / (& $us $r 'Get-DliSparkJob -Id') }) { $args[0] -le 2.5 } '{0:F2}×'
Add-Target 'Get-DliSession -Id per call vs Invoke-RestMethod (issue 8)' '≤ 0.4×' (Get-PerRound { param($r) (& $us $r 'Get-DliSession -Id') / (& $us $r 'Invoke-RestMethod GET') }) { $args[0] -le 0.4 } '{0:F2}×'
Add-Target 'New-DliSession vs Invoke-RestMethod POST + ConvertTo-Json -Depth 5 (issue 8)' '≤ 0.3×' (Get-PerRound { param($r) (& $us $r 'New-DliSession') / (& $us $r 'Invoke-RestMethod POST + ConvertTo-Json') }) { $args[0] -le 0.3 } '{0:F2}×'
$streamed = Get-PerRound { param($r) & $r.List 'Streamed' Seconds }
$floorList = Get-PerRound { param($r) & $r.List 'Floor' Seconds }
Add-Target 'Get-DliSession | Measure-Object, 100,000 sessions, vs the C# floor' '≤ 1.3×' (Get-PerRound { param($r) (& $r.List 'Streamed' Seconds) / (& $r.List 'Floor' Seconds) }) { $args[0] -le 1.3 } '{0:F2}×' `
    ('{0:F2} s vs {1:F2} s' -f (Get-Range $streamed).Median, (Get-Range $floorList).Median)
$streamedJobs = Get-PerRound { param($r) & $r.List 'StreamedJobs' Seconds }
$floorJobList = Get-PerRound { param($r) & $r.List 'FloorJobs' Seconds }
Add-Target 'Get-DliSparkJob | Measure-Object, 100,000 Spark jobs, vs the C# floor' '≤ 1.3×' (Get-PerRound { param($r) (& $r.List 'StreamedJobs' Seconds) / (& $r.List 'FloorJobs' Seconds) }) { $args[0] -le 1.3 } '{0:F2}×' `
    ('{0:F2} s vs {1:F2} s' -f (Get-Range $streamedJobs).Median, (Get-Range $floorJobList).Median)
Add-Target 'Streamed listing, peak working set over bare pwsh' '≤ +60 MiB' (Get-PerRound { param($r) ((& $r.List 'Streamed' PeakWorkingSet) - (& $r.List 'Bare' PeakWorkingSet)) / $mib }) { $args[0] -le 60 } '{0:+0;-0} MiB' `
    ('{0:F0} MiB vs {1:F0} MiB' -f ((Get-MedianOf { param($r) & $r.List 'Streamed' PeakWorkingSet }) / $mib), ((Get-MedianOf { param($r) & $r.List 'Bare' PeakWorkingSet }) / $mib))
Add-Target 'Streamed Spark job listing, peak working set over bare pwsh' '≤ +60 MiB' (Get-PerRound { param($r) ((& $r.List 'StreamedJobs' PeakWorkingSet) - (& $r.List 'Bare' PeakWorkingSet)) / $mib }) { $args[0] -le 60 } '{0:+0;-0} MiB'
Add-Target 'First object before the second page is requested' 'pages requested = 1' (Get-PerRound { param($r) & $r.List 'FirstObject' PagesRequested }) { $args[0] -eq 1 } '{0:F0} page(s)'
$runbookAdds = Get-PerRound { param($r) $r.Start.Runbook - $r.Start.Bare }
$restAdds = Get-PerRound { param($r) $r.Start.RestMethod - $r.Start.Bare }
Add-Target 'Start-up, a one-call runbook: what import + Connect-Dli + Get-DliSession -Id adds to a fresh pwsh, vs what one Invoke-RestMethod adds' '≤ 0.5×' `
    (Get-PerRound { param($r) ($r.Start.Runbook - $r.Start.Bare) / ($r.Start.RestMethod - $r.Start.Bare) }) { $args[0] -le 0.5 } '{0:F2}×' `
    ('+{0:F0} ms vs +{1:F0} ms' -f (Get-Range $runbookAdds).Median, (Get-Range $restAdds).Median)
Add-Target 'Import-Module, the module''s own share: over an empty module that loads the same format file (in process)' '≤ 5 ms' `
    (Get-PerRound { param($r) $r.Start.ImportTimed - $r.Start.FormatOnly }) { $args[0] -le 5 } '{0:+0.0;-0.0} ms' `
    ('{0:F1} ms vs {1:F1} ms' -f (Get-MedianOf { param($r) $r.Start.ImportTimed }), (Get-MedianOf { param($r) $r.Start.FormatOnly }))
Add-Target 'Import-Module alone, in process (issue 8)' '≤ 10 ms' (Get-PerRound { param($r) $r.Start.ImportTimed }) { $args[0] -le 10 } '{0:F1} ms'
Add-Target 'Import + Connect-Dli + Get-DliSession -Id, whole process over bare pwsh (issue 8)' '≤ +100 ms' $runbookAdds { $args[0] -le 100 } '{0:+0;-0} ms'
Add-Target 'TCP connections over 201 module calls' '1' (Get-PerRound { param($r) $r.PerCall.Connections }) { $args[0] -eq 1 } '{0:F0}'

# Figures without a target: medians of the rounds.
$facts = [Collections.Generic.List[object]]::new()
function Add-Fact([string] $What, [string] $Measured) { $facts.Add([pscustomobject]@{ Figure = $What; 'Median of rounds' = $Measured }) }
Add-Fact 'Bare pwsh -NoProfile -c 1 (whole process)' ('{0:F0} ms' -f (Get-MedianOf { param($r) $r.Start.Bare }))
Add-Fact 'Import-Module alone, whole process over bare pwsh' ('{0:+0;-0} ms' -f (Get-MedianOf { param($r) $r.Start.Import - $r.Start.Bare }))
Add-Fact 'Import-Module, the module''s own share over a one-cmdlet binary module with the same format file (in process)' ('{0:+0.0;-0.0} ms ({1:F1} ms vs {2:F1} ms)' -f
    (Get-MedianOf { param($r) $r.Start.ImportTimed - $r.Start.FloorTimed }), (Get-MedianOf { param($r) $r.Start.ImportTimed }), (Get-MedianOf { param($r) $r.Start.FloorTimed }))
Add-Fact 'The one-cmdlet binary module: import + its cmdlet, whole process over bare pwsh, vs what one Invoke-RestMethod adds' ('{0:F2}× (+{1:F0} ms)' -f
    (Get-MedianOf { param($r) ($r.Start.FloorRunbook - $r.Start.Bare) / ($r.Start.RestMethod - $r.Start.Bare) }), (Get-MedianOf { param($r) $r.Start.FloorRunbook - $r.Start.Bare }))
Add-Fact 'Time to first object (Get-DliSession | Select-Object -First 1)' ('{0:F0} ms (C# floor {1:F0} ms)' -f
    (1000 * (Get-MedianOf { param($r) & $r.List 'FirstObject' Seconds })), (Get-MedianOf { param($r) & $r.List 'Floor' FirstObjectMs }))
Add-Fact '$all = Get-DliSession, 100,000 sessions (collected)' ('{0:F2} s, peak {1:+0;-0} MiB over bare' -f (Get-MedianOf { param($r) & $r.List 'Collected' Seconds }),
    ((Get-MedianOf { param($r) (& $r.List 'Collected' PeakWorkingSet) - (& $r.List 'Bare' PeakWorkingSet) }) / $mib))
Add-Fact 'C# floor listing peak working set (its own process, no pwsh)' ('{0:F0} MiB' -f ((Get-MedianOf { param($r) & $r.List 'Floor' PeakWorkingSet }) / $mib))
Add-Fact '8 runspaces (ForEach-Object -Parallel), Get-DliSession -Id' ('{0:F0} calls/s (one runspace: {1:F0} calls/s)' -f
    (Get-MedianOf { param($r) $r.PerCall.ParallelCallsPerSec }), (Get-MedianOf { param($r) $r.PerCall.SerialCallsPerSec }))
Add-Fact 'AK/SK signing, per request (C#, the core''s signer)' ('{0:F1} µs' -f $signUs)
Add-Fact 'Get-DliSession -Id with AK/SK instead of a token' ('{0:F0} µs ({1:+0;-0} µs, including the emulator''s verification)' -f
    (Get-MedianOf { param($r) & $us $r 'Get-DliSession -Id (AK/SK)' }), (Get-MedianOf { param($r) (& $us $r 'Get-DliSession -Id (AK/SK)') - (& $us $r 'Get-DliSession -Id') }))
Add-Fact 'Emulator''s own time per request during the per-call runs' ('{0:F0} µs' -f (Get-MedianOf { param($r) $r.PerCall.ServerUsPerRequest }))

$callRows = foreach ($name in $results[0].PerCall.PerCall.Keys) {
    [pscustomobject]@{
        Contender                  = $name
        'Median µs'                = '{0:F0}' -f (Get-MedianOf { param($r) & $us $r $name })
        'p95 µs'                   = '{0:F0}' -f (Get-MedianOf { param($r) & $p95 $r $name })
        'p95 ÷ median'             = '{0:F2}' -f (Get-MedianOf { param($r) (& $p95 $r $name) / (& $us $r $name) })
        '× C# floor GET'           = '{0:F2}' -f (Get-MedianOf { param($r) (& $us $r $name) / (& $us $r 'C# floor GET') })
        '× Invoke-RestMethod GET'  = '{0:F2}' -f (Get-MedianOf { param($r) (& $us $r $name) / (& $us $r 'Invoke-RestMethod GET') })
    }
}
$startRows = foreach ($name in $variants.Keys) {
    $inProcess = $name -in $timedInProcess
    [pscustomobject]@{
        Process           = $variants[$name].Replace($ModulePath, '<module>').Replace($referenceManifest, '<format-only module>').Replace($floorManifest, '<one-cmdlet module>').Replace($getUri, '<session URL>').Replace($id, '<id>')
        'Median of rounds' = '{0:F0} ms{1}' -f (Get-MedianOf { param($r) $r.Start[$name] }), $(if ($inProcess) { ' (printed by the process)' } else { '' })
        'Over bare pwsh'  = if ($inProcess -or $name -eq 'Bare') { '' } else { '{0:+0;-0} ms' -f (Get-MedianOf { param($r) $r.Start[$name] - $r.Start.Bare }) }
    }
}
$targets | Format-Table -AutoSize | Out-String -Width 400 | Out-Host
$facts | Format-Table -AutoSize | Out-String -Width 300 | Out-Host
$callRows | Format-Table -AutoSize | Out-String -Width 300 | Out-Host
$startRows | Format-Table -AutoSize | Out-String -Width 300 | Out-Host

$calls = $results[0].PerCall.PerCall['Get-DliSession -Id'].Calls
$markdown = @(
    '# Benchmarks'
    ''
    'Written by `build.ps1 Bench` (bench/Invoke-Benchmark.ps1); do not edit by hand. Targets are from issues 8 and 14.'
    ''
    '## Machine'
    ''
    Get-MachineDescription
    "- run on $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm')) UTC, taking $([Math]::Round($started.Elapsed.TotalMinutes, 1)) min in $Rounds rounds; load average (1, 5, 15 min) $loadBefore before and $loadAfter after"
    ''
    "## Targets ($Rounds rounds; the verdict is on the median round)"
    ''
    ConvertTo-MarkdownTable $targets
    ''
    '## Other figures'
    ''
    ConvertTo-MarkdownTable $facts
    ''
    "## Per call (each round: median and p95 of $calls calls each, interleaved in one process against one emulator, token auth; medians of the rounds)"
    ''
    ConvertTo-MarkdownTable @($callRows)
    ''
    "## Start-up (each round: medians of $StartRuns fresh processes each, interleaved; medians of the rounds)"
    ''
    ConvertTo-MarkdownTable @($startRows)
    ''
    "Listing: each round, medians of $ListRuns fresh processes each, interleaved."
    ''
    (Get-Content -Raw (Join-Path $PSScriptRoot 'benchmarks-notes.md')).TrimEnd()
) -join "`n"
New-Item -ItemType Directory -Force (Split-Path $OutFile) | Out-Null
Set-Content -Path $OutFile -Value $markdown
Write-Host "Bench took $([Math]::Round($started.Elapsed.TotalMinutes, 1)) min; wrote $OutFile"
