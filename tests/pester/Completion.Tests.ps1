# Tab completion through TabExpansion2, as the prompt calls it: session ids, names and queues come from the connected
# emulator within a bounded time, a failure to list is silent, and states complete from the documented set.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '0'
    Connect-TestEmulator $script:Emulator | Out-Null
    # Every session exists before the first Tab: the listing is then cached for its lifetime.
    $script:Nightly = New-DliSession -Queue 'etl_queue' -Name 'nightly'
    $script:Other = New-DliSession -Queue 'adhoc_queue' -Name 'two words'
    Wait-DliSession -Id $Nightly.Id, $Other.Id | Out-Null

    function Get-Completion {
        # What the prompt would offer at the end of $Line.
        param([Parameter(Mandatory)] [string] $Line)
        (TabExpansion2 $Line $Line.Length).CompletionMatches
    }
}
AfterAll { Disconnect-Dli; Stop-DliEmulator $script:Emulator }

Describe 'Completing from the connected endpoint' {
    It 'offers the session ids for -Id, with name, state and queue in the tooltip' {
        $matched = @(Get-Completion 'Get-DliSession -Id ')
        $matched.CompletionText | Sort-Object | Should -Be (@($Nightly.Id, $Other.Id) | Sort-Object)
        $tip = ($matched | Where-Object CompletionText -eq $Nightly.Id).ToolTip
        $tip | Should -BeLike "*'nightly'*"
        $tip | Should -BeLike '*idle*'
        $tip | Should -BeLike '*etl_queue*'
    }

    It 'completes an id from the start of its session name' {
        @(Get-Completion 'Remove-DliSession -Id nigh').CompletionText | Should -Be @($Nightly.Id)
    }

    It 'completes session ids for <Line>' -ForEach @(
        @{ Line = 'Wait-DliSession -Id ' }
        @{ Line = 'Get-DliSessionLog -Id ' }
        @{ Line = 'Get-DliSession -SessionId ' }
        @{ Line = 'Invoke-DliStatement -SessionId ' }
        @{ Line = 'Get-DliStatement -SessionId ' }
        @{ Line = 'Stop-DliStatement -SessionId ' }
    ) {
        @(Get-Completion $Line).CompletionText | Should -Contain $Nightly.Id
    }

    It 'offers session names for -Name, quoted when they need it' {
        @(Get-Completion 'Get-DliSession -Name ').CompletionText | Should -Be @('nightly', "'two words'")
        @(Get-Completion 'Get-DliSession -Name tw').CompletionText | Should -Be @("'two words'")
    }

    It 'offers the queues seen in the listing for -Queue' {
        @(Get-Completion 'New-DliSession -Queue ').CompletionText | Should -Be @('adhoc_queue', 'etl_queue')
        @(Get-Completion 'Get-DliSession -Queue et').CompletionText | Should -Be @('etl_queue')
    }

    It 'lists once for several Tabs within the cache lifetime' {
        Clear-DliEmulatorJournal $Emulator
        1..3 | ForEach-Object { Get-Completion 'Get-DliSession -Id ' | Out-Null }
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }

    It 'completes the documented states for -State, and only exact ones' {
        @(Get-Completion 'Get-DliSession -State id').CompletionText | Should -Be @('idle')
        @(Get-Completion 'Wait-DliSession -Id x -State s').CompletionText | Should -Be @('starting', 'shutting_down', 'success')
    }
}

Describe 'Completing when the endpoint is slow or failing' {
    BeforeAll {
        $script:Slow = Start-DliEmulator -ArgumentList '--idle-delay-ms', '0'
        $script:SlowContext = Connect-TestEmulator $Slow -NoDefault
        $script:SlowSession = New-DliSession -Queue 'q' -Name 'late' -Context $SlowContext
    }
    AfterAll { Disconnect-Dli; Stop-DliEmulator $script:Slow }

    It 'answers within about a second while the listing is slow, and offers it once it has arrived' {
        # The first list request answers 503 after 4 s; the client's retry then gets the list.
        Add-DliEmulatorFault $Slow @{ method = 'GET'; path = '/v2.0/*/sessions'; delayMs = 4000; status = 503 } | Out-Null
        Connect-Dli -Context $SlowContext
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $first = @(Get-Completion 'Get-DliSession -Id ')
        $watch.Stop()
        $first | Should -BeNullOrEmpty -Because 'the list had not arrived'
        # The budget is 1 s; the bound is generous because the machine is loaded, and well under the 4 s delay.
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3.5
        $deadline = [datetime]::UtcNow.AddSeconds(20)
        do { $later = @(Get-Completion 'Get-DliSession -Id ') } until ($later -or [datetime]::UtcNow -gt $deadline)
        $later.CompletionText | Should -Be @($SlowSession.Id)
    }

    It 'is silent when the credential is refused' {
        $wrong = ConvertTo-SecureString 'wrong-secret' -AsPlainText -Force
        Connect-Dli -Endpoint $Slow.BaseUri -ProjectId $Slow.ProjectId -AccessKey 'OTHERKEY' -SecretKey $wrong
        $Error.Clear()
        @(Get-Completion 'Get-DliSession -Id ') | Should -BeNullOrEmpty
        $Error | Should -BeNullOrEmpty
    }

    It 'is silent, and bounded, when nothing listens at the endpoint' {
        # Port 9 (discard) of loopback: nothing listens there on a test machine, so the connection is refused.
        $secret = ConvertTo-SecureString $Slow.SecretKey -AsPlainText -Force
        Connect-Dli -Endpoint 'http://127.0.0.1:9' -ProjectId $Slow.ProjectId -AccessKey $Slow.AccessKey -SecretKey $secret
        $Error.Clear()
        $watch = [Diagnostics.Stopwatch]::StartNew()
        @(Get-Completion 'Wait-DliSession -Id ') | Should -BeNullOrEmpty
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3.5
        $Error | Should -BeNullOrEmpty
    }

    It 'is silent when there is no context at all' {
        Disconnect-Dli
        $saved = @(Get-ChildItem env: | Where-Object Name -match '^(DLI_|HUAWEICLOUD_SDK_)')
        try {
            $saved | Remove-Item
            $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = Join-Path $TestDrive 'none'
            $Error.Clear()
            @(Get-Completion 'Get-DliSession -Id ') | Should -BeNullOrEmpty
            $Error | Should -BeNullOrEmpty
        }
        finally {
            Remove-Item env:HUAWEICLOUD_SDK_CREDENTIALS_FILE -ErrorAction Ignore
            foreach ($variable in $saved) { Set-Item "env:$($variable.Name)" $variable.Value }
        }
    }
}
