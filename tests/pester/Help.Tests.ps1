# Help that never drifts: the pages in docs/en-US against the cmdlets' own metadata, and Get-Help reading the MAML
# the build made from them. A new cmdlet gets its page from 'build.ps1 Docs'; these tests fail until its
# placeholders are replaced by descriptions and an example.
BeforeDiscovery {
    $repoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
    Import-Module "$repoRoot/out/DliSession/DliSession.psd1" -Force
    $commands = @(Get-Command -Module DliSession -CommandType Cmdlet | Sort-Object Name)
    $cmdlets = @($commands | ForEach-Object { @{ Name = $_.Name } })
    # One row per parameter of each cmdlet, so a cmdlet without parameters (Disconnect-Dli) has no row that checks nothing.
    # Hidden parameters (DontShow: the piped name some prompts show) are not typed by people, so they have no help.
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    $parameters = @(foreach ($command in $commands) {
            foreach ($parameter in $command.Parameters.Values | Where-Object { $_.Name -notin $common -and -not ($_.Attributes.DontShow -contains $true) } |
                Sort-Object Name) { @{ Name = $command.Name; Parameter = $parameter.Name } }
        })
}

BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    Import-Module "$RepoRoot/tools/HelpBuilder.psm1" -Force
    $script:Docs = "$RepoRoot/docs/en-US"
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters   # -WhatIf and -Confirm have blocks of their own
    function Test-Shown {
        # Whether help shows the parameter: not a common one, and not hidden (DontShow).
        param($Parameter)
        $Parameter.Name -notin $Common -and -not ($Parameter.Attributes.DontShow -contains $true)
    }
}

Describe 'docs/en-US/<Name>.md' -ForEach $cmdlets {
    BeforeAll {
        $script:Command = Get-Command $Name
        $path = Join-Path $Docs "$Name.md"
        $script:Page = if (Test-Path $path) { Read-HelpMarkdown $path }
    }

    It 'exists' { $Page | Should -Not -BeNullOrEmpty -Because "'build.ps1 Docs' creates it" }

    It 'has a synopsis and a description' {
        $Page.Synopsis | Should -Not -BeNullOrEmpty
        $Page.Description | Should -Not -BeNullOrEmpty
    }

    It 'lists the parameter sets, the default one marked' {
        $expected = @($Command.ParameterSets | ForEach-Object { "$($_.Name)|$($_.IsDefault)" })
        @($Page.SyntaxSets | ForEach-Object { "$($_.Name)|$($_.IsDefault)" }) | Should -Be $expected
    }

    It 'documents exactly the cmdlet parameters, none of the common ones' {
        $expected = @($Command.Parameters.Values | Where-Object { Test-Shown $_ } | ForEach-Object Name | Sort-Object)
        @($Page.Parameters.Name | Select-Object -Unique | Sort-Object) | Should -Be $expected
    }

    It 'gives each parameter, in each set, the mandatory flag, position and pipeline input of the cmdlet' {
        $expected = foreach ($set in $Command.ParameterSets) {
            foreach ($parameter in $set.Parameters | Where-Object { Test-Shown $_ }) {
                $pipeline = @(if ($parameter.ValueFromPipeline) { 'ByValue' }; if ($parameter.ValueFromPipelineByPropertyName) { 'ByPropertyName' })
                $position = if ($parameter.Position -ge 0) { $parameter.Position } else { 'Named' }
                '{0}/{1}: required {2}, position {3}, pipeline {4}' -f $set.Name, $parameter.Name, $parameter.IsMandatory, $position,
                    $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' })
            }
        }
        $documented = Expand-ParameterSet $Page | ForEach-Object {
            '{0}/{1}: required {2}, position {3}, pipeline {4}' -f $_.Set, $_.Parameter, $_.Required, $_.Position, $_.PipelineInput
        }
        @($documented | Sort-Object) | Should -Be @($expected | Sort-Object)
    }

    It 'describes every parameter' {
        @($Page.Parameters | Where-Object { -not $_.Description }).Name | Should -BeNullOrEmpty
    }

    It 'has at least one example, each with code and a description' {
        $Page.Examples | Should -Not -BeNullOrEmpty
        foreach ($example in $Page.Examples) {
            $example.Code | Should -Not -BeNullOrEmpty -Because $example.Title
            $example.Remarks | Should -Not -BeNullOrEmpty -Because $example.Title
        }
    }

    It 'names the output types the cmdlet declares' {
        $declared = @($Command.OutputType.Name | Where-Object { $_ -ne 'System.Void' })
        $expected = if ($declared) { $declared } else { @('None') }
        @($Page.Outputs.Type) | Should -Be $expected
    }

    It 'is listed on the module page with its synopsis' {
        $modulePage = Get-Content -Raw "$Docs/DliSession.md"
        $modulePage | Should -Match ([regex]::Escape("### [$Name]($Name.md)`n$($Page.Synopsis)"))
    }

    It 'is shown in full by Get-Help: synopsis, every parameter, every example' {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Be $Page.Synopsis
        $text = $help | Out-String -Width 250
        foreach ($parameter in $Page.Parameters.Name | Select-Object -Unique) { $text | Should -Match "-$parameter\b" }
        @($help.Examples.Example).Count | Should -Be $Page.Examples.Count
        for ($i = 0; $i -lt $Page.Examples.Count; $i++) { $help.Examples.Example[$i].Code | Should -Be $Page.Examples[$i].Code }
    }
}

Describe 'docs/' {
    It 'holds no placeholder {{ ... }}' {
        $left = Get-ChildItem "$RepoRoot/docs" -Recurse -File | Select-String -Pattern '\{\{.*?\}\}'
        @($left | ForEach-Object { "$($_.Filename):$($_.LineNumber): $($_.Line)" }) | Should -BeNullOrEmpty
    }

    It 'has no page for a cmdlet the module does not export' {
        $exported = (Get-Module DliSession).ExportedCmdlets.Keys
        @(Get-ChildItem $Docs -Filter '*-*.md' | Where-Object BaseName -notin $exported).Name | Should -BeNullOrEmpty
    }

    It 'about_DliSession is found by Get-Help' {
        $about = Get-Help about_DliSession | Out-String
        $about | Should -Match 'CONNECTING AND THE CREDENTIAL CHAIN'
        $about | Should -Match 'RETRIES'
    }
}

Describe 'docs/en-US/<Name>.md: -<Parameter>' -ForEach $parameters {
    It 'gives the type, aliases, accepted values and wildcard support of the cmdlet' {
        $page = Read-HelpMarkdown (Join-Path $Docs "$Name.md")
        $metadata = (Get-Command $Name).Parameters[$Parameter]
        $block = @($page.Parameters | Where-Object Name -eq $Parameter)[0]
        $block | Should -Not -BeNullOrEmpty -Because "-$Parameter must be documented"
        $validateSet = $metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
        $wildcard = [bool]($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
        $block.Type | Should -Be (Get-HelpTypeName $metadata.ParameterType)
        "$($block.Aliases)" | Should -Be "$($metadata.Aliases)"
        "$($block.AcceptedValues)" | Should -Be "$(@($validateSet.ValidValues))"
        $block.Wildcard | Should -Be $wildcard
    }
}
