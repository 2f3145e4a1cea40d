<#
Runs every example in docs/en-US and every ```powershell block of README.md against the emulator.

The shared preamble stands in for a configured workstation: the emulator's endpoint, project and keys are in
DLI_ENDPOINT, HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, the credentials file is one
that does not exist, and Connect-Dli has connected to the emulator. Examples define every variable they use.
Each runs with $ErrorActionPreference = 'Stop' on an emptied emulator; the environment is restored after it.

An example that shows an error ends with the failing line, marked with a comment naming the error id:
    Get-DliSession -Id 9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f -ErrorAction Stop # throws DLI.0002
It passes only if that line raises an error whose FullyQualifiedErrorId starts with that id.
#>
BeforeDiscovery {
    $repoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
    Import-Module "$repoRoot/tools/HelpBuilder.psm1" -Force
    $examples = @(Get-ChildItem "$repoRoot/docs/en-US" -Filter '*-*.md' | Sort-Object Name | ForEach-Object {
            $file = $_.Name
            (Read-HelpMarkdown $_.FullName).Examples | ForEach-Object { @{ Source = $file; Title = $_.Title; Code = $_.Code } }
        })
    $readme = "$repoRoot/README.md"
    $readmeExists = Test-Path $readme
    if ($readmeExists) {
        $blocks = [regex]::Matches(((Get-Content -Raw $readme) -replace "`r", ''), '(?ms)^```powershell\n(.*?)^```')
        # The install block changes the user's PSResourceGet settings: Package.Tests.ps1 runs it, in an empty HOME.
        $examples += @($blocks | Where-Object { $_.Groups[1].Value -notmatch 'Install-PSResource' } |
                ForEach-Object -Begin { $n = 0 } -Process { @{ Source = 'README.md'; Title = "block $((++$n))"; Code = $_.Groups[1].Value.TrimEnd() } })
    }
}

BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '100', '--batch-start-ms', '100', '--batch-run-ms', '200'
    $script:Variables = 'DLI_*', 'HUAWEICLOUD_SDK_*'

    function Invoke-Example {
        # In a child scope, so an example's variables do not outlive it.
        param([string] $Code)
        $ErrorActionPreference = 'Stop'
        & ([scriptblock]::Create($Code)) | Out-Null
    }
}
AfterAll { Stop-DliEmulator $script:Emulator }

Describe '<Source>: <Title>' -ForEach $examples {
    BeforeEach {
        $script:Saved = @(Get-ChildItem env: | Where-Object { $n = $_.Name; $Variables.Where({ $n -like $_ }) })
        $env:DLI_ENDPOINT = $Emulator.BaseUri
        $env:HUAWEICLOUD_SDK_PROJECT_ID = $Emulator.ProjectId
        $env:HUAWEICLOUD_SDK_AK = $Emulator.AccessKey
        $env:HUAWEICLOUD_SDK_SK = $Emulator.SecretKey
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = Join-Path $TestDrive 'no-credentials-file'
        Reset-DliEmulator $Emulator
        Connect-TestEmulator $Emulator | Out-Null
    }
    AfterEach {
        Get-ChildItem env: | Where-Object { $n = $_.Name; $Variables.Where({ $n -like $_ }) } | Remove-Item
        foreach ($variable in $Saved) { Set-Item "env:$($variable.Name)" $variable.Value }
    }

    It 'runs against the emulator as documented' {
        $lines = @($Code -split "`n" | Where-Object { $_.Trim() })
        $marked = @($lines | Select-String '#\s*throws\s+(\S+)\s*$')
        $marked.Count | Should -BeLessOrEqual 1 -Because 'an example shows at most one error'
        if (-not $marked) {
            { Invoke-Example $Code } | Should -Not -Throw
            return
        }
        $marked[0].LineNumber | Should -Be $lines.Count -Because 'the failing line ends the example, so no code after it goes untested'
        $expected = $marked[0].Matches[0].Groups[1].Value
        $failure = $null
        try { Invoke-Example $Code } catch { $failure = $_ }
        $failure | Should -Not -BeNullOrEmpty -Because "the example is marked '# throws $expected'"
        $failure.FullyQualifiedErrorId.Split(',')[0] | Should -BeExactly $expected
    }
}

# Discovery variables are gone when tests run, so the count found at discovery is handed over as data.
Describe 'README.md' -ForEach @(@{ ReadmeBlocks = @($examples | Where-Object Source -eq 'README.md').Count }) {
    It 'has its powershell blocks run above' -Skip:(-not $readmeExists) {
        $ReadmeBlocks | Should -BeGreaterThan 0
    }
}
