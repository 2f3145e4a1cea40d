<#
.SYNOPSIS
    Builds, tests, demonstrates and benchmarks the DliSession module.
.DESCRIPTION
    Needs only the .NET 10 SDK: run it as `dotnet tool restore && dotnet pwsh ./build.ps1 <Task>`.
    Build     publishes the importable module to out/DliSession (with its MAML help, made from docs/en-US, and its
              manifest, made from DliSession.psd1 with CHANGELOG.md's latest entry as release notes) and the
              emulator to out/emulator.
    Package   builds, then writes out/DliSession.<version>.nupkg with PSResourceGet, for Install-PSResource.
    Docs      builds, then brings docs/en-US in step with the cmdlets: a page for each new cmdlet, SYNTAX and
              parameter blocks rewritten on existing pages (their descriptions and examples kept).
    Test      builds and packages, then runs the xunit projects and Pester side by side and ends with
              "Total: N passed, N failed, N skipped"; exits 1 on any failure.
    Demo      starts the emulator on a free loopback port, connects, creates a session, lists sessions, stops it.
    Emulator  publishes and runs the local DLI emulator in the foreground on 127.0.0.1, port -Port (5080; 0 picks a
              free one). Further options: -EmulatorArgument from pwsh, or the emulator's environment variables
              (DLI_EMULATOR_*, see its --help) from any shell.
    Bench     publishes, then benchmarks the module against Invoke-RestMethod and a C# floor (bench/); writes docs/benchmarks.md.
    Clean     removes out/ and every bin/ and obj/ folder.
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Package', 'Docs', 'Test', 'Demo', 'Emulator', 'Bench', 'Clean')]
    [string[]] $Task = 'Build',

    # The emulator's loopback port; a plain number, so the command works the same pasted into bash or pwsh.
    [ValidateRange(0, 65535)]
    [int] $Port = 5080,

    [string[]] $EmulatorArgument = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'DliSession'
$EmulatorOut = Join-Path $Out 'emulator'
$Docs = Join-Path $Root 'docs/en-US'
$Manifest = Join-Path $Root 'DliSession.psd1'
$PesterVersion = '5.7.1'

function Invoke-Native {
    # Runs a native command and stops the build when it fails, showing what failed.
    param([Parameter(Mandatory)] [string] $FilePath, [string[]] $ArgumentList = @())
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) { throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    # For this machine's platform, so the module's own assemblies are also precompiled for it (DliSession.csproj).
    $platform = [System.Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    Invoke-Native dotnet @('publish', "$Root/src/DliSession/DliSession.csproj", '-c', 'Release', '-r', $platform, '--self-contained', 'false',
        '-o', $ModuleOut, '--nologo', '-v', 'quiet')
    Publish-Emulator
    Export-Help
    Write-PublishedManifest
    Write-Host "Module: $ModuleOut"
}

function Get-ReleaseNote {
    # CHANGELOG.md's latest entry: the version its heading names, and its text.
    $changelog = Get-Content -Raw (Join-Path $Root 'CHANGELOG.md')
    if ($changelog -notmatch '(?ms)^## (?<version>\S+)[^\n]*\n(?<notes>.*?)(?=^## |\z)') { throw "CHANGELOG.md has no '## <version>' entry." }
    [pscustomobject]@{ Version = $Matches.version; Notes = $Matches.notes.Trim() }
}

function Edit-Once {
    # Replaces the one match of $Pattern in $Text, or stops the build if the manifest no longer has that shape.
    param([string] $Text, [string] $Pattern, [scriptblock] $Replacement)
    if ([regex]::Matches($Text, $Pattern).Count -ne 1) { throw "DliSession.psd1 should have exactly one match of '$Pattern'." }
    $Text -replace $Pattern, $Replacement
}

function Write-PublishedManifest {
    # The repository's manifest imports out/DliSession; the published one names the files beside it and carries
    # the release notes, so the version and the notes each have one source.
    $version = (Import-PowerShellDataFile $Manifest).ModuleVersion
    $release = Get-ReleaseNote
    if ($release.Version -ne $version) {
        throw "CHANGELOG.md's latest entry is $($release.Version) but DliSession.psd1's ModuleVersion is $($version): add an entry for the release."
    }
    $text = Get-Content -Raw $Manifest
    $text = Edit-Once $text "(?m)^ *# The repository's manifest imports .*\n( *)RootModule *= *'out/DliSession/DliSession.psd1'" {
        $indent = $_.Groups[1].Value
        "${indent}RootModule           = 'DliSession.dll'`n${indent}FormatsToProcess     = @('DliSession.Format.ps1xml')"
    }
    $text = Edit-Once $text '(?m)^( *)(?=Tags *=)' { "$($_.Groups[1].Value)ReleaseNotes = @'`n$($release.Notes)`n'@`n$($_.Groups[1].Value)" }
    Set-Content -Path (Join-Path $ModuleOut 'DliSession.psd1') -Value $text -NoNewline
}

function Invoke-InIsolatedHome {
    # Runs a script in a child pwsh whose HOME (and XDG folders) is a new empty folder, so PSResourceGet's
    # repositories and installs stay there and nothing reaches the user's own settings.
    param([Parameter(Mandatory)] [string] $Script, [Parameter(Mandatory)] [string] $WorkFolder)
    $isolatedHome = Join-Path $WorkFolder 'home'
    $environment = @{ HOME = $isolatedHome; XDG_DATA_HOME = "$isolatedHome/.local/share"; XDG_CONFIG_HOME = "$isolatedHome/.config"; XDG_CACHE_HOME = "$isolatedHome/.cache"; PSModulePath = $null }
    # .NET reports a missing special folder as '', and PSResourceGet would then write relative to the current folder.
    foreach ($folder in $environment.Values) { if ($folder) { New-Item -ItemType Directory -Force $folder | Out-Null } }
    $file = Join-Path $WorkFolder 'script.ps1'
    Set-Content $file $Script
    $child = Start-Process dotnet -ArgumentList @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $file) `
        -Environment $environment -NoNewWindow -Wait -PassThru
    if ($child.ExitCode -ne 0) { throw "The isolated pwsh failed with exit code $($child.ExitCode)." }
}

function Invoke-Package {
    Invoke-Build
    Write-Package
}

function Write-Package {
    # Packs the module Invoke-Build published.
    $version = (Import-PowerShellDataFile $Manifest).ModuleVersion
    $work = Join-Path ([System.IO.Path]::GetTempPath()) "dlisession-package-$([guid]::NewGuid().ToString('N'))"
    $repository = Join-Path $work 'repository'
    try {
        New-Item -ItemType Directory -Force $repository | Out-Null
        Invoke-InIsolatedHome -WorkFolder $work -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name DliSessionBuild -Uri '$repository'
Publish-PSResource -Path '$ModuleOut' -Repository DliSessionBuild
"@
        $package = Join-Path $Out "DliSession.$version.nupkg"
        Move-Item (Join-Path $repository "DliSession.$version.nupkg") $package -Force
        Write-Host "Package: $package"
    }
    finally { Remove-Item $work -Recurse -Force -ErrorAction Ignore }
}

function Publish-Emulator {
    Invoke-Native dotnet @('publish', "$Root/src/DliSession.Emulator/DliSession.Emulator.csproj", '-c', 'Release', '-o', $EmulatorOut, '--nologo', '-v', 'quiet')
}

function Export-Help {
    Import-Module "$Root/tools/HelpBuilder.psm1" -Force
    Export-MamlHelp -Path $Docs -Destination (Join-Path $ModuleOut 'en-US')
}

function Invoke-Docs {
    Invoke-Build
    # Cmdlet metadata is read in a child pwsh, so this process never loads (and, on Windows, locks) the module's DLL.
    $update = "Import-Module '$ModuleOut/DliSession.psd1'; Import-Module '$Root/tools/HelpBuilder.psm1'; Update-HelpMarkdown -Module DliSession -Path '$Docs'"
    Invoke-Native dotnet @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command', $update)
    Export-Help
}

function Get-PesterPath {
    Invoke-Native dotnet @('restore', "$Root/build/tools.csproj", '--nologo', '-v', 'quiet')
    $packages = (dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $psd1 = Join-Path $packages.Trim() "pester/$PesterVersion/tools/Pester.psd1"
    if (-not (Test-Path $psd1)) { throw "Pester $PesterVersion was not restored to $psd1." }
    $psd1
}

function Get-TrxCount {
    # Sums the counters of every xunit result file: passed, failed, and not executed (skipped).
    param([string] $Folder)
    $count = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    foreach ($file in Get-ChildItem $Folder -Filter *.trx -Recurse) {
        $counters = ([xml](Get-Content -Raw $file.FullName)).TestRun.ResultSummary.Counters
        $count.Passed += [int]$counters.passed
        $count.Failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $count.Skipped += [int]$counters.notExecuted
    }
    $count
}

function Start-XunitProject {
    # Starts one xunit project's run (already built) in the background and returns it, its console output read as it
    # comes: the xunit projects and Pester then share the machine instead of queueing for it.
    param([Parameter(Mandatory)] [string] $Project, [Parameter(Mandatory)] [string] $Results)
    $name = [System.IO.Path]::GetFileNameWithoutExtension($Project)
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in 'test', $Project, '-c', 'Release', '--no-build', '--nologo', '--logger', "trx;LogFileName=$name.trx", '--results-directory', $Results) {
        $psi.ArgumentList.Add($a)
    }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($psi)
    [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Error = $process.StandardError.ReadToEndAsync() }
}

function Wait-XunitProject {
    # Waits for a run started by Start-XunitProject, shows its console output, and returns whether it succeeded.
    param([Parameter(Mandatory)] $Run)
    $Run.Process.WaitForExit()
    Write-Host $Run.Output.Result
    if ($Run.Error.Result) { Write-Host $Run.Error.Result }
    $Run.Process.ExitCode -eq 0
}

function Invoke-Test {
    # The xunit projects need no package and no published module: they run while the package is made and Pester runs.
    Invoke-Build
    $results = Join-Path $Out 'test-results'
    Remove-Item $results -Recurse -Force -ErrorAction Ignore
    Invoke-Native dotnet @('build', "$Root/DliPowerShell.sln", '-c', 'Release', '--nologo', '-v', 'quiet')
    $xunitRuns = @(Get-ChildItem "$Root/tests" -Filter *.Tests.csproj -Recurse | ForEach-Object { Start-XunitProject $_.FullName $results })
    try {
        $pesterPath = Get-PesterPath
        Write-Package
        $summary = Join-Path $results 'pester-summary.json'
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File "$Root/tests/run-pester.ps1" `
            -Pester $pesterPath -Path "$Root/tests/pester" -OutFile (Join-Path $results 'pester.xml') -SummaryFile $summary
        $pester = if (Test-Path $summary) { Get-Content -Raw $summary | ConvertFrom-Json } else { [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 } }
        $xunitPassed = @($xunitRuns | ForEach-Object { Wait-XunitProject $_ })
    }
    finally {
        # Only when the build stopped early: no xunit run outlives it.
        foreach ($run in $xunitRuns) { if (-not $run.Process.HasExited) { $run.Process.Kill($true) } }
    }
    $xunit = Get-TrxCount $results
    if ($xunitPassed -contains $false -and $xunit.Failed -eq 0) { $xunit.Failed = 1 }   # a runner failure counts

    Write-Host ("xunit: {0} passed, {1} failed, {2} skipped" -f $xunit.Passed, $xunit.Failed, $xunit.Skipped)
    Write-Host ("Pester: {0} passed, {1} failed, {2} skipped" -f $pester.Passed, $pester.Failed, $pester.Skipped)
    $failed = $xunit.Failed + $pester.Failed
    Write-Host ("Total: {0} passed, {1} failed, {2} skipped" -f ($xunit.Passed + $pester.Passed), $failed, ($xunit.Skipped + $pester.Skipped))
    if ($failed -gt 0 -or ($xunit.Passed + $pester.Passed) -eq 0) { exit 1 }
}

function Invoke-Demo {
    Invoke-Build
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File "$Root/tools/demo.ps1" -ModulePath "$ModuleOut/DliSession.psd1" -EmulatorPath "$EmulatorOut/DliSession.Emulator.dll"
    if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
}

function Invoke-Emulator {
    # Only the emulator: running it needs nothing else, and the module in out/ may be loaded by a test run.
    Publish-Emulator
    Invoke-Native dotnet (@("$EmulatorOut/DliSession.Emulator.dll", '--urls', "http://127.0.0.1:$Port") + $EmulatorArgument)
}

function Invoke-Bench {
    Invoke-Build
    $floorOut = Join-Path $Out 'bench-floor'
    Invoke-Native dotnet @('publish', "$Root/bench/DliSession.Bench.Floor/DliSession.Bench.Floor.csproj", '-c', 'Release', '-o', $floorOut, '--nologo', '-v', 'quiet')
    # A fresh pwsh started as `dotnet pwsh.dll`: `dotnet pwsh` would add the tool shim's process to every timing.
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File "$Root/bench/Invoke-Benchmark.ps1" `
        -ModulePath "$ModuleOut/DliSession.psd1" -EmulatorPath "$EmulatorOut/DliSession.Emulator.dll" `
        -FloorPath "$floorOut/DliSession.Bench.Floor.dll" -OutFile "$Root/docs/benchmarks.md"
    if ($LASTEXITCODE -ne 0) { throw "The benchmark failed with exit code $LASTEXITCODE." }
}

function Invoke-Clean {
    Remove-Item $Out -Recurse -Force -ErrorAction Ignore
    Get-ChildItem $Root -Directory -Recurse -Include bin, obj | Remove-Item -Recurse -Force -ErrorAction Ignore
}

foreach ($name in $Task) {
    Write-Host "== $name"
    & "Invoke-$name"
}
