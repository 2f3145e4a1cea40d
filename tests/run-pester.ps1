# Runs the Pester suite in its own process and writes a summary file that build.ps1 adds to the xunit counts.
# Pester's own closing line is not the "N passed, N failed" form CI reads, and plain Invoke-Pester exits 0 on failures.
param(
    [Parameter(Mandatory)] [string] $Pester,
    [string[]] $Path = @("$PSScriptRoot/pester"),
    [string] $OutFile = "$PSScriptRoot/../out/test-results/pester.xml",
    [string] $SummaryFile = "$PSScriptRoot/../out/test-results/pester-summary.json"
)
$ErrorActionPreference = 'Stop'
Import-Module $Pester
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'JUnitXml'
$configuration.TestResult.OutputPath = $OutFile
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration
# Failed containers are files that did not parse; failed blocks are BeforeAll/AfterAll errors: both are failures.
# No result at all (Pester stopped before running, say on a path it cannot find) is a failure, not an empty success.
$failed = if ($null -eq $result) { 1 } else { $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount }
[pscustomobject]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } |
    ConvertTo-Json | Set-Content -Path $SummaryFile
"Pester: {0} passed, {1} failed, {2} skipped" -f $result.PassedCount, $failed, $result.SkippedCount
if ($failed -gt 0 -or $null -eq $result -or $result.TotalCount -eq 0) { exit 1 }
exit 0
