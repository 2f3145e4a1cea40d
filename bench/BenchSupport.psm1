# What the benchmark scripts share: child processes, medians and ranges, the machine's facts, markdown tables.
Set-StrictMode -Version Latest

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

function Get-Median([double[]] $Values) {
    (Get-Range $Values).Median
}

function Get-Range([double[]] $Values) {
    # The lower median for an even count, so the figure is always one that was measured.
    if ($Values.Length -eq 0) { throw 'No values to summarize.' }
    $sorted = [double[]]$Values.Clone(); [Array]::Sort($sorted)
    [pscustomobject]@{ Min = $sorted[0]; Median = $sorted[[int][Math]::Floor(($sorted.Length - 1) / 2)]; Max = $sorted[-1] }
}

function Get-EmulatorEnvironment($Emulator) {
    @{ DLI_ENDPOINT = $Emulator.BaseUri; DLI_AUTH_TOKEN = $Emulator.Token; HUAWEICLOUD_SDK_PROJECT_ID = $Emulator.ProjectId }
}

function Get-LoadAverage {
    if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' }
}

function New-FormatOnlyModule {
    # A module with no code that loads the module's own format file: its import is PowerShell's fixed cost for one.
    param([string] $ModulePath, [string] $Destination)
    $format = Join-Path (Split-Path $ModulePath) 'DliSession.Format.ps1xml'
    New-Item -ItemType Directory -Force $Destination | Out-Null
    Copy-Item $format $Destination
    $manifest = Join-Path $Destination 'DliFormatOnly.psd1'
    New-ModuleManifest -Path $manifest -ModuleVersion 1.0.0 -FormatsToProcess 'DliSession.Format.ps1xml' `
        -FunctionsToExport @() -CmdletsToExport @() -VariablesToExport @() -AliasesToExport @()
    $manifest
}

function New-BinaryFloorModule {
    # A binary module with one cmdlet that does nothing, loading the module's own format file: what importing any
    # binary module with these views costs, and running one of its cmdlets, before a module's own code does anything.
    param([string] $ModulePath, [string] $Destination)
    New-Item -ItemType Directory -Force $Destination | Out-Null
    Copy-Item (Join-Path (Split-Path $ModulePath) 'DliSession.Format.ps1xml') $Destination
    Add-Type -OutputAssembly (Join-Path $Destination 'DliFloor.dll') -TypeDefinition @'
using System.Management.Automation;
[Cmdlet(VerbsCommon.Get, "DliFloor")]
public sealed class GetDliFloorCommand : PSCmdlet { protected override void ProcessRecord() { WriteObject(1); } }
'@
    $manifest = Join-Path $Destination 'DliFloor.psd1'
    New-ModuleManifest -Path $manifest -ModuleVersion 1.0.0 -RootModule 'DliFloor.dll' -FormatsToProcess 'DliSession.Format.ps1xml' `
        -FunctionsToExport @() -CmdletsToExport 'Get-DliFloor' -VariablesToExport @() -AliasesToExport @()
    $manifest
}

function Get-MachineDescription {
    $memory = if (Test-Path /proc/meminfo) {
        '{0:F1} GiB' -f ([double]((Select-String -Path /proc/meminfo -Pattern '^MemTotal:\s+(\d+)').Matches[0].Groups[1].Value) / 1MB)
    } else { 'n/a' }
    $info = [Runtime.InteropServices.RuntimeInformation]
    "- $([Environment]::ProcessorCount) cores, $memory memory, $($info::OSDescription) ($($info::OSArchitecture))"
    "- $($info::FrameworkDescription), PowerShell $($PSVersionTable.PSVersion)"
}

function ConvertTo-MarkdownTable($Items) {
    $names = $Items[0].PSObject.Properties.Name
    '| ' + ($names -join ' | ') + ' |'
    '| ' + (($names | ForEach-Object { '---' }) -join ' | ') + ' |'
    foreach ($item in $Items) { '| ' + (($names | ForEach-Object { "$($item.$_)".Replace('|', '\|') }) -join ' | ') + ' |' }
}

Export-ModuleMember -Function *
