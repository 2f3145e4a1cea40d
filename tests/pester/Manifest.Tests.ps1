# The checks PSScriptAnalyzer would make on the manifest and cmdlet surface, which cannot be installed here.
BeforeDiscovery {
    $repoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
    Import-Module "$repoRoot/out/DliSession/DliSession.psd1" -Force
    $commands = @(Get-Command -Module DliSession -CommandType Cmdlet | Sort-Object Name)
    $cmdlets = @($commands | ForEach-Object { @{ Name = $_.Name } })
    # Connect/Disconnect only change this process's default context; Get and Wait change nothing. Every other verb
    # changes state, so only those cmdlets get a ShouldProcess row.
    $stateChanging = @($commands | Where-Object Verb -notin 'Connect', 'Disconnect', 'Get', 'Wait' | ForEach-Object { @{ Name = $_.Name } })
    # Strings and primitives (Get-DliSessionLog's lines) are shown by PowerShell itself and need no view, so they get no row.
    $outputs = @(foreach ($command in $commands) {
            foreach ($type in $command.OutputType.Type) {
                if ($type -ne [void] -and $type -ne [string] -and -not $type.IsPrimitive) { @{ Name = $command.Name; Type = $type.FullName } }
            }
        })
}

BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Manifest = Import-PowerShellDataFile "$RepoRoot/out/DliSession/DliSession.psd1"
    $script:Assembly = (Get-Command Connect-Dli).ImplementingType.Assembly
    [xml] $script:Formats = Get-Content -Raw "$RepoRoot/out/DliSession/DliSession.Format.ps1xml"
}

Describe 'DliSession.psd1' {
    It 'exports explicitly: no wildcard, and no functions, variables or aliases' {
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'VariablesToExport', 'AliasesToExport') {
            $Manifest.ContainsKey($key) | Should -BeTrue -Because "$key must be stated"
            @($Manifest[$key]) -join ',' | Should -Not -Match '\*' -Because $key
        }
        @($Manifest.FunctionsToExport) | Should -BeNullOrEmpty
        @($Manifest.VariablesToExport) | Should -BeNullOrEmpty
        @($Manifest.AliasesToExport) | Should -BeNullOrEmpty
    }

    It 'lists every cmdlet the DLL defines, and only those' {
        $defined = @($Assembly.GetExportedTypes() | ForEach-Object {
                $attribute = [System.Attribute]::GetCustomAttribute($_, [System.Management.Automation.CmdletAttribute])
                if ($attribute) { "$($attribute.VerbName)-$($attribute.NounName)" }
            })
        @($Manifest.CmdletsToExport | Sort-Object) | Should -Be @($defined | Sort-Object)
    }
}

Describe '<Name>' -ForEach $cmdlets {
    BeforeAll {
        $script:Command = Get-Command $Name
        $script:Attribute = [System.Attribute]::GetCustomAttribute($Command.ImplementingType, [System.Management.Automation.CmdletAttribute])
    }

    It 'uses an approved verb' { $Command.Verb | Should -BeIn (Get-Verb).Verb }

    It 'has a singular noun' {
        # Words ending in 'ss' or 'us' (Session, Status) are singular; any other trailing 's' is taken as a plural.
        $Command.Noun | Should -Not -Match '(?<![su])s$'
    }

    It 'declares OutputType' { $Command.OutputType | Should -Not -BeNullOrEmpty }

    It 'takes no secret as a plain string' {
        $secretName = '^(Password|Secret.*|.*Token|.*Key)$'
        $plain = @($Command.Parameters.Values | Where-Object {
                $_.Name -match $secretName -and $_.Name -ne 'AccessKey' -and $_.ParameterType -in [string], [string[]]
            })
        $plain.Name | Should -BeNullOrEmpty
    }

}

Describe 'State changes' {
    It 'are found among the cmdlets, so the rows below are there' {
        $changing = @(Get-Command -Module DliSession -CommandType Cmdlet | Where-Object Verb -notin 'Connect', 'Disconnect', 'Get', 'Wait').Name
        foreach ($name in 'New-DliSession', 'Remove-DliSession', 'Invoke-DliStatement', 'Stop-DliStatement') { $changing | Should -Contain $name }
    }

    It '<Name> supports ShouldProcess: -WhatIf and -Confirm' -ForEach $stateChanging {
        $command = Get-Command $Name
        [System.Attribute]::GetCustomAttribute($command.ImplementingType, [System.Management.Automation.CmdletAttribute]).SupportsShouldProcess |
            Should -BeTrue
        $command.Parameters.Keys | Should -Contain 'WhatIf'
        $command.Parameters.Keys | Should -Contain 'Confirm'
    }
}

Describe 'Format views' {
    It 'are declared for output types, so the rows below are there' {
        $outputs = @(Get-Command -Module DliSession -CommandType Cmdlet | ForEach-Object { $_.OutputType.Type } | Where-Object { $_ -ne [void] -and $_ -ne [string] })
        $outputs.FullName | Should -Contain 'DliSession.Client.Models.SparkSession'
    }

    It '<Name> outputs <Type>, which has a view' -ForEach $outputs {
        $viewed = @($Formats.Configuration.ViewDefinitions.View.ViewSelectedBy.TypeName)
        $Type | Should -BeIn $viewed
    }
}
