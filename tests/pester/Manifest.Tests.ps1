# The checks PSScriptAnalyzer would make on the manifest and cmdlet surface, which cannot be installed here.
BeforeDiscovery {
    $repoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
    Import-Module "$repoRoot/out/DliSession/DliSession.psd1" -Force
    $cmdlets = @(Get-Command -Module DliSession -CommandType Cmdlet | Sort-Object Name | ForEach-Object { @{ Name = $_.Name } })
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

    It 'supports ShouldProcess when its verb changes state' {
        # Connect/Disconnect only change this process's default context; Get and Wait change nothing.
        $readOnly = 'Connect', 'Disconnect', 'Get', 'Wait'
        if ($Command.Verb -notin $readOnly) { $Attribute.SupportsShouldProcess | Should -BeTrue }
    }

    It 'takes no secret as a plain string' {
        $secretName = '^(Password|Secret.*|.*Token|.*Key)$'
        $plain = @($Command.Parameters.Values | Where-Object {
                $_.Name -match $secretName -and $_.Name -ne 'AccessKey' -and $_.ParameterType -in [string], [string[]]
            })
        $plain.Name | Should -BeNullOrEmpty
    }

    It 'has a format view for each type it outputs' {
        # Strings and primitives (Get-DliSessionLog's lines) are shown by PowerShell itself and need no view.
        $viewed = @($Formats.Configuration.ViewDefinitions.View.ViewSelectedBy.TypeName)
        $own = $Command.OutputType.Type | Where-Object { $_ -ne [void] -and $_ -ne [string] -and -not $_.IsPrimitive }
        foreach ($type in $own) { $type.FullName | Should -BeIn $viewed }
    }
}
