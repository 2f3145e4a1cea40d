# Runs in a fresh pwsh started by Invoke-Benchmark.ps1 for one listing of the emulator's sessions (DLI_ENDPOINT,
# DLI_AUTH_TOKEN and HUAWEICLOUD_SDK_PROJECT_ID name it). Times it inside the process, so process start and import are
# left out, and reads the process's peak working set at the end. Prints one JSON object.
param(
    [Parameter(Mandatory)] [ValidateSet('Bare', 'Streamed', 'StreamedJobs', 'Collected', 'FirstObject')] [string] $Mode,
    [string] $ModulePath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$result = [ordered]@{ Mode = $Mode }
if ($Mode -ne 'Bare') {
    Import-Module $ModulePath
    Connect-Dli
    if ($Mode -eq 'FirstObject') {
        Import-Module (Join-Path $PSScriptRoot '../tests/pester/DliEmulator.psm1')
        $emulator = [pscustomobject]@{ BaseUri = $env:DLI_ENDPOINT }
        Clear-DliEmulatorJournal $emulator
    }
    $start = [Diagnostics.Stopwatch]::GetTimestamp()
    switch ($Mode) {
        'Streamed' { $result.Count = (Get-DliSession | Measure-Object).Count }
        'StreamedJobs' { $result.Count = (Get-DliSparkJob | Measure-Object).Count }
        'Collected' { $all = Get-DliSession; $result.Count = $all.Count }
        'FirstObject' { $result.Count = @(Get-DliSession | Select-Object -First 1).Count }
    }
    $result.Seconds = [Diagnostics.Stopwatch]::GetElapsedTime($start).TotalSeconds
    if ($Mode -eq 'FirstObject') {
        # Select-Object stops the list at its first object: any page asked for by then was asked for before that object.
        $result.PagesRequested = @(Get-DliEmulatorJournal $emulator | Where-Object path -like '*/sessions').Count
    }
}
$result.PeakWorkingSet = [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
$result | ConvertTo-Json -Compress
