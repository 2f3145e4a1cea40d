# Connecting from PowerShell: the credential chain end to end (file, profile, environment), what -Debug says about
# it, the plain-http guard, and the completers that make the parameters quick to type.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '0'
    $script:Variables = 'DLI_*', 'HUAWEICLOUD_SDK_*'

    function Use-CleanEnvironment {
        # No chain variable from this machine, and a credentials file of the test's own.
        param([hashtable] $Set = @{})
        Get-ChildItem env: | Where-Object { $n = $_.Name; $Variables.Where({ $n -like $_ }) } | Remove-Item
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = Join-Path $TestDrive 'credentials'
        foreach ($name in $Set.Keys) { Set-Item "env:$name" $Set[$name] }
    }
}
AfterAll { Stop-DliEmulator $script:Emulator }

Describe 'The credential chain from PowerShell' {
    BeforeEach {
        $script:Saved = @(Get-ChildItem env: | Where-Object { $n = $_.Name; $Variables.Where({ $n -like $_ }) })
        Disconnect-Dli
        Set-Content (Join-Path $TestDrive 'credentials') @"
[basic]
ak = $($Emulator.AccessKey)
sk = $($Emulator.SecretKey)
project_id = $($Emulator.ProjectId)

[other]
ak = $($Emulator.AccessKey)
sk = wrong-secret
project_id = $($Emulator.ProjectId)
"@
    }
    AfterEach {
        Get-ChildItem env: | Where-Object { $n = $_.Name; $Variables.Where({ $n -like $_ }) } | Remove-Item
        foreach ($variable in $Saved) { Set-Item "env:$($variable.Name)" $variable.Value }
        Disconnect-Dli
    }

    It 'works with no Connect-Dli at all from the credentials file and DLI_ENDPOINT' {
        Use-CleanEnvironment @{ DLI_ENDPOINT = $Emulator.BaseUri }
        New-DliSession -ClusterName 'c' -Name 'from-file' | Out-Null
        (Get-DliSession -Name 'from-file').Name | Should -BeExactly 'from-file'
        (Get-DliContext).Source | Should -BeLike '*credentials file*'
    }

    It 'prefers the environment to the credentials file' {
        Use-CleanEnvironment @{ DLI_ENDPOINT = $Emulator.BaseUri; DLI_AUTH_TOKEN = $Emulator.Token; HUAWEICLOUD_SDK_PROJECT_ID = $Emulator.ProjectId }
        (Get-DliContext).AuthKind | Should -BeExactly 'Token'
        Get-DliSession -First 1 | Out-Null
    }

    It 'reads a named profile, and its wrong key is refused by the service' {
        Use-CleanEnvironment @{ DLI_ENDPOINT = $Emulator.BaseUri }
        Connect-Dli -ProfileName 'other'
        { Get-DliSession -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'DLI.0013*'
    }

    It 'refuses a named profile that is missing instead of falling through' {
        Use-CleanEnvironment @{ DLI_ENDPOINT = $Emulator.BaseUri }
        { Connect-Dli -ProfileName 'nowhere' } | Should -Throw -ErrorId 'DliConnectionUnresolved*' -ExpectedMessage '*nowhere*'
    }

    It 'says how to connect when there is no credential anywhere' {
        Use-CleanEnvironment @{ DLI_ENDPOINT = $Emulator.BaseUri }
        Remove-Item (Join-Path $TestDrive 'credentials')
        { Get-DliSession -First 1 -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Connect-Dli*'
    }

    It 'words what the core reports with the cmdlet''s parameters' {
        Use-CleanEnvironment @{ DLI_ENDPOINT = $Emulator.BaseUri }
        Remove-Item (Join-Path $TestDrive 'credentials')
        $secret = ConvertTo-SecureString 'x' -AsPlainText -Force
        { Connect-Dli -AccessKey 'AK' -SecretKey $secret } |
            Should -Throw -ErrorId 'DliConnectionUnresolved*' -ExpectedMessage '*Pass -ProjectId to Connect-Dli*'
        $failure = { Connect-Dli -ProjectId 'p' } | Should -Throw -PassThru
        $failure.Exception.Message | Should -BeLike '*HUAWEICLOUD_SDK_AK*Connect-Dli -Credential*-AccessKey with -SecretKey*'
        $failure.Exception.Problem | Should -Be 'NoCredential'
    }

    It 'names each source at -Debug, never a value' {
        Use-CleanEnvironment @{ DLI_ENDPOINT = $Emulator.BaseUri }
        $debug = Connect-Dli -Verbose -Debug 5>&1 4>&1 | Out-String
        $debug | Should -Match 'Credential \(AkSk\) from'
        $debug | Should -Not -Match ([regex]::Escape($Emulator.SecretKey))
    }

    It 'refuses to send credentials over plain http to a host that is not loopback' {
        $secret = ConvertTo-SecureString 'x' -AsPlainText -Force
        { Connect-Dli -Endpoint 'http://dli.example.com' -ProjectId 'p' -AccessKey 'AK' -SecretKey $secret } |
            Should -Throw -ExpectedMessage '*https*'
    }
}

Describe 'Tab completion' {
    It 'completes session states for -State' {
        $line = 'Get-DliSession -State i'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('idle')
    }

    It 'completes regions for -Region' {
        $line = 'Connect-Dli -Region cn-north-'
        $matched = (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText
        $matched | Should -Contain 'cn-north-4'
        $matched | ForEach-Object { $_ | Should -BeLike 'cn-north-*' }
    }

    It 'completes session states for Wait-DliSession -State too' {
        $line = 'Wait-DliSession -Id s1 -State s'
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('starting', 'shutting_down', 'success')
    }
}
