BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '100'
    Connect-TestEmulator $script:Emulator | Out-Null
    # 25 sessions in creation order: etl-01..etl-15 on cluster a, adhoc-01..adhoc-10 on cluster b.
    $script:Created = @(
        1..15 | ForEach-Object { New-DliSession -ClusterName 'a' -Name ('etl-{0:d2}' -f $_) }
        1..10 | ForEach-Object { New-DliSession -ClusterName 'b' -Name ('adhoc-{0:d2}' -f $_) }
    )

    function Get-ListQuery {
        # The query strings of the list requests sent since the journal was cleared.
        @(Get-ApiRequest $script:Emulator -Method GET -Path '/v2.0/*/sessions' | ForEach-Object { $_.query })
    }
}
AfterAll { Stop-DliEmulator $script:Emulator }

Describe 'Get-DliSession -Id' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'gets one session per id' {
        $got = Get-DliSession -Id $Created[0].Id, $Created[1].Id
        $got.Id | Should -Be @($Created[0].Id, $Created[1].Id)
        $got[0] | Should -BeOfType ([DliSession.Client.Models.SparkSession])
    }

    It 'binds ids from the pipeline by value' {
        ($Created[2].Id, $Created[3].Id | Get-DliSession).Name | Should -Be @('etl-03', 'etl-04')
    }

    It 'binds ids from the pipeline by property name, alias SessionId included' {
        ([pscustomobject]@{ SessionId = $Created[4].Id } | Get-DliSession).Name | Should -BeExactly 'etl-05'
        ($Created[5] | Get-DliSession).Name | Should -BeExactly 'etl-06'
    }

    It 'writes a non-terminating ObjectNotFound error for a missing id and goes on' {
        $got = Get-DliSession -Id 'no-such-session', $Created[0].Id -ErrorVariable failure -ErrorAction SilentlyContinue
        $got.Id | Should -Be $Created[0].Id
        $failure | Should -HaveCount 1
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject | Should -BeExactly 'no-such-session'
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'DLI.0002,*'
    }
}

Describe 'Get-DliSession (list)' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'pages through the whole list with -PageSize' {
        $all = Get-DliSession -PageSize 10
        $all | Should -HaveCount 25
        $all.Id | Should -Be $Created.Id
        Get-ListQuery | Should -Be @('?from=0&size=10', '?from=10&size=10', '?from=20&size=10')
    }

    It 'asks the service to skip and stop for -Skip and -First' {
        $page = Get-DliSession -Skip 3 -First 5
        $page.Id | Should -Be $Created[3..7].Id
        Get-ListQuery | Should -Be @('?from=3&size=5')
    }

    It 'writes each session before it asks for the next page' {
        Get-DliSession -PageSize 10 | Select-Object -First 1 | Should -HaveCount 1
        Get-ListQuery | Should -HaveCount 1
    }

    It 'reports the total with -IncludeTotalCount' {
        $out = Get-DliSession -First 2 -IncludeTotalCount
        $out[0] | Should -BeOfType [psobject]
        $out[0].ToString() | Should -BeLike '*25*'
        $out | Select-Object -Skip 1 | Should -HaveCount 2
    }

    It 'filters by name and state with wildcards, locally' {
        (Get-DliSession -Name 'adhoc-0*' -PageSize 7).Name | Should -Be @(1..9 | ForEach-Object { 'adhoc-{0:d2}' -f $_ })
        $Created | Wait-DliSession -PollIntervalSec 0.1 | Out-Null   # past the idle delay: every session is idle now
        Get-DliSession -State 'id*' | Should -HaveCount 25
        Get-DliSession -State 'starting' | Should -BeNullOrEmpty
        Get-ListQuery | ForEach-Object { $_ | Should -Not -BeLike '*name*' }
    }

    It 'applies -Skip and -First after local filters' {
        (Get-DliSession -Name 'etl-*' -Skip 2 -First 3 -PageSize 4).Name | Should -Be @('etl-03', 'etl-04', 'etl-05')
    }

    It 'sends -ClusterName and -Queue to the service' {
        (Get-DliSession -ClusterName 'b').Name | Should -Be @(1..10 | ForEach-Object { 'adhoc-{0:d2}' -f $_ })
        Get-ListQuery | Should -Be @('?from=0&size=1000&cluster_name=b')
        Clear-DliEmulatorJournal $script:Emulator
        Get-DliSession -Queue 'q' | Out-Null
        Get-ListQuery | Should -Be @('?from=0&size=1000&queue=q')
    }

    It 'refuses -ClusterName with -Queue before sending anything' {
        { Get-DliSession -ClusterName 'a' -Queue 'q' -ErrorAction Stop } | Should -Throw -ErrorId 'DliClusterAndQueue*'
        Get-ListQuery | Should -BeNullOrEmpty
    }

    It 'stops with a warning when the service repeats a page' {
        $page = Invoke-RestMethod "$($Emulator.BaseUri)/v2.0/$($Emulator.ProjectId)/sessions?from=0&size=2" -Headers @{ 'X-Auth-Token' = $Emulator.Token }
        $body = $page | ConvertTo-Json -Depth 5 -Compress
        Clear-DliEmulatorJournal $script:Emulator
        Add-DliEmulatorFault $script:Emulator @{ method = 'GET'; path = '/v2.0/*/sessions'; count = 50; status = 200; contentType = 'application/json'; body = $body }
        try {
            $got = Get-DliSession -PageSize 2 -WarningVariable warned -WarningAction SilentlyContinue
            $got | Should -HaveCount 2
            $warned | Should -HaveCount 1
            Get-ListQuery | Should -HaveCount 2
        } finally { Clear-DliEmulatorFault $script:Emulator }
    }
}

Describe 'Get-DliSession through a pipeline of contexts' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'uses the context a session carries, without the default connection' {
        Disconnect-Dli
        try {
            { Get-DliSession -Id $Created[0].Id -ErrorAction Stop } | Should -Throw
            ($Created[0] | Get-DliSession).Id | Should -Be $Created[0].Id
        } finally { Connect-TestEmulator $script:Emulator | Out-Null }
    }
}
