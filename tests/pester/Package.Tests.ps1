# The package as a user gets it: build.ps1 Package's nupkg in a folder registered as a PSResource repository,
# installed with Install-PSResource into an empty HOME, then used from a fresh pwsh with that HOME: listed,
# autoloaded by its first cmdlet against the emulator, its help read, and uninstalled.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Version = (Import-PowerShellDataFile "$RepoRoot/DliSession.psd1").ModuleVersion
    $script:Package = "$RepoRoot/out/DliSession.$Version.nupkg"
    if (-not (Test-Path $Package)) { throw "$Package is missing: run build.ps1 Package (build.ps1 Test does)." }
    $script:Published = Import-PowerShellDataFile "$RepoRoot/out/DliSession/DliSession.psd1"
    $changelog = Get-Content -Raw "$RepoRoot/CHANGELOG.md"
    $changelog -match '(?ms)^## (?<version>\S+)[^\n]*\n(?<notes>.*?)(?=^## |\z)' | Should -BeTrue
    $script:LatestEntry = [pscustomobject]@{ Version = $Matches.version; Notes = $Matches.notes.Trim() }

    # An empty HOME for PSResourceGet and the module path. .NET reports a missing XDG folder as '', and
    # PSResourceGet would then write relative to the current folder, so they all exist.
    $isolatedHome = Join-Path $TestDrive 'home'
    $script:UserEnvironment = @{
        HOME = $isolatedHome; XDG_DATA_HOME = "$isolatedHome/.local/share"; XDG_CONFIG_HOME = "$isolatedHome/.config"
        XDG_CACHE_HOME = "$isolatedHome/.cache"; PSModulePath = $null
    }
    foreach ($folder in $UserEnvironment.Values) { if ($folder) { New-Item -ItemType Directory -Force $folder | Out-Null } }
    $script:Repository = New-Item -ItemType Directory (Join-Path $TestDrive 'repository')
    Copy-Item $Package $Repository

    function Invoke-AsUser([string] $Script, [hashtable] $Environment = @{}) {
        $file = Join-Path $TestDrive "step-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content $file "`$ErrorActionPreference = 'Stop'`n$Script"
        $run = Invoke-FreshPwsh -Path $file -Environment ($UserEnvironment + $Environment) -TimeoutSec 300
        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output | ConvertFrom-Json
    }
}

Describe 'The package' {
    BeforeAll {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($Package)
        try {
            $script:Entries = @($zip.Entries.FullName | Where-Object {
                    $_ -notmatch '^(_rels/|package/|\[Content_Types\]\.xml$|DliSession\.nuspec$)' })
            $reader = [System.IO.StreamReader]::new($zip.GetEntry('DliSession.nuspec').Open())
            [xml] $script:Nuspec = $reader.ReadToEnd()
            $reader.Dispose()
        }
        finally { $zip.Dispose() }
    }

    It 'holds the module, its help, its licence and its isolated dependencies, and nothing else' {
        @($Entries | Where-Object { $_ -notmatch '/' } | Sort-Object) |
            Should -Be @('DliSession.Client.dll', 'DliSession.dll', 'DliSession.Format.ps1xml', 'DliSession.psd1', 'LICENSE')
        @($Entries | Where-Object { $_ -like 'en-US/*' } | Sort-Object) | Should -Be @('en-US/about_DliSession.help.txt', 'en-US/DliSession.dll-Help.xml')
        $dependencies = @($Entries | Where-Object { $_ -like 'Dependencies/*' })
        $dependencies | Should -Contain 'Dependencies/DliSession.Engine.dll'
        $dependencies | Should -Contain 'Dependencies/Microsoft.Extensions.Http.dll'
        $dependencies | ForEach-Object { $_ | Should -Match '^Dependencies/[^/]+\.dll$' }
        @($Entries | Where-Object { $_ -notmatch '^(en-US|Dependencies)/' -and $_ -match '/' }) | Should -BeNullOrEmpty
    }

    It 'describes the release: version, release notes from CHANGELOG.md, tags, licence' {
        $metadata = $Nuspec.package.metadata
        $metadata.id | Should -BeExactly 'DliSession'
        $metadata.version | Should -BeExactly $Version
        $metadata.releaseNotes | Should -BeExactly $LatestEntry.Notes
        $metadata.tags -split ' ' | Should -Contain 'DLI'
        $metadata.tags -split ' ' | Should -Contain 'PSModule'
        Get-Content -Raw "$RepoRoot/LICENSE" | Should -Match '^MIT License'
        $Published.Copyright | Should -Match 'MIT'
    }
}

Describe 'The published manifest' {
    It 'takes its version from DliSession.psd1 and its release notes from CHANGELOG.md''s latest entry' {
        $Published.ModuleVersion | Should -BeExactly $Version
        $LatestEntry.Version | Should -BeExactly $Version
        $Published.PrivateData.PSData.ReleaseNotes | Should -BeExactly $LatestEntry.Notes
        $Published.RootModule | Should -BeExactly 'DliSession.dll'
        (Get-Command Connect-Dli).ImplementingType.Assembly.GetName().Version.ToString(3) | Should -BeExactly $Version
    }

    It 'states a project or licence address only when it has one' {
        foreach ($key in 'ProjectUri', 'LicenseUri', 'IconUri') {
            if ($Published.PrivateData.PSData.ContainsKey($key)) {
                [uri]::IsWellFormedUriString($Published.PrivateData.PSData[$key], 'Absolute') | Should -BeTrue -Because $key
            }
        }
    }
}

Describe 'Installing with PSResourceGet into an empty HOME' {
    BeforeAll {
        $script:Emulator = Start-DliEmulator
        Connect-TestEmulator $Emulator | Out-Null
        New-DliSession -ClusterName 'package' -Name 'installed-1' | Out-Null

        # README.md's install block, as written but for the repository's folder (HOME stays empty).
        $readme = (Get-Content -Raw "$RepoRoot/README.md") -replace "`r", ''
        $install = @([regex]::Matches($readme, '(?ms)^```powershell\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value } |
                Where-Object { $_ -match 'Install-PSResource' })
        $install | Should -HaveCount 1
        $install[0] | Should -Match ([regex]::Escape('-Uri "$HOME/psrepository"'))
        $script:Installed = Invoke-AsUser @"
$($install[0].Replace('-Uri "$HOME/psrepository"', "-Uri '$($Repository.FullName)'"))
`$resource = Get-InstalledPSResource -Name DliSession -Scope CurrentUser
[pscustomobject]@{ Version = "`$(`$resource.Version)"; Location = `$resource.InstalledLocation } | ConvertTo-Json
"@
        $session = @{
            DLI_ENDPOINT = $Emulator.BaseUri; HUAWEICLOUD_SDK_PROJECT_ID = $Emulator.ProjectId
            HUAWEICLOUD_SDK_AK = $Emulator.AccessKey; HUAWEICLOUD_SDK_SK = $Emulator.SecretKey
        }
        $script:Used = Invoke-AsUser -Environment $session @'
$result = [ordered]@{}
$result.Listed = @(Get-Module -ListAvailable DliSession | ForEach-Object { [pscustomobject]@{ Version = "$($_.Version)"; Base = $_.ModuleBase } })
$result.LoadedAtStart = @(Get-Module DliSession).Count
$result.Sessions = @(Get-DliSession -First 1 | ForEach-Object Name)
$module = Get-Module DliSession
$result.LoadedFrom = $module.ModuleBase
$result.Examples = [ordered]@{}
foreach ($name in $module.ExportedCmdlets.Keys) { $result.Examples[$name] = @((Get-Help $name -Examples).examples.example).Count }
$result.About = Get-Help about_DliSession | Out-String
Remove-Module DliSession
Uninstall-PSResource -Name DliSession -Scope CurrentUser
$result.InstalledAfterUninstall = @(Get-InstalledPSResource -Name DliSession -Scope CurrentUser -ErrorAction SilentlyContinue).Count
$result.ListedAfterUninstall = @(Get-Module -ListAvailable DliSession).Count
[pscustomobject] $result | ConvertTo-Json -Depth 4
'@
    }
    AfterAll { Stop-DliEmulator $script:Emulator }

    It 'installs the package''s version under the empty HOME' {
        $Installed.Version | Should -BeExactly $Version
        $Installed.Location | Should -BeLike "$($UserEnvironment.HOME)/*"
    }

    It 'is listed by Get-Module -ListAvailable in a fresh pwsh with that HOME' {
        $Used.Listed | Should -HaveCount 1
        $Used.Listed[0].Version | Should -BeExactly $Version
        $Used.Listed[0].Base | Should -BeLike "$($UserEnvironment.HOME)/*"
    }

    It 'autoloads on the first Get-DliSession, which reads credentials from the environment' {
        $Used.LoadedAtStart | Should -Be 0
        $Used.Sessions | Should -Be @('installed-1')
        $Used.LoadedFrom | Should -BeExactly $Used.Listed[0].Base
    }

    It 'shows examples in the help of every cmdlet, and about_DliSession' {
        $cmdlets = @($Used.Examples.PSObject.Properties)
        $cmdlets.Name | Sort-Object | Should -Be @($Published.CmdletsToExport | Sort-Object)
        foreach ($cmdlet in $cmdlets) { $cmdlet.Value | Should -BeGreaterThan 0 -Because "$($cmdlet.Name) needs an example" }
        $Used.About | Should -Match 'about_DliSession'
        $Used.About | Should -Match 'CONNECTING AND THE CREDENTIAL CHAIN'
    }

    It 'uninstalls with Uninstall-PSResource' {
        $Used.InstalledAfterUninstall | Should -Be 0
        $Used.ListedAfterUninstall | Should -Be 0
        Test-Path $Used.LoadedFrom | Should -BeFalse
    }
}

Describe 'The repository''s DliSession.psd1' {
    It 'imports the module built into out/DliSession, with its version and help' {
        $module = Import-Module "$RepoRoot/DliSession.psd1" -Force -PassThru
        try {
            $module.Version.ToString() | Should -BeExactly $Version
            $module.ModuleBase | Should -BeExactly (Resolve-Path "$RepoRoot/out/DliSession").Path
            @($module.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($Published.CmdletsToExport | Sort-Object)
            Get-Help about_DliSession | Out-String | Should -Match 'about_DliSession'
        }
        finally { Import-Module "$RepoRoot/out/DliSession/DliSession.psd1" -Force }
    }

    It 'says which path is missing when nothing is built' {
        $clone = New-Item -ItemType Directory (Join-Path $TestDrive 'clone')
        Copy-Item "$RepoRoot/DliSession.psd1" $clone
        { Import-Module (Join-Path $clone 'DliSession.psd1') -ErrorAction Stop } | Should -Throw -ExpectedMessage '*out/DliSession/DliSession.psd1*'
    }
}
