BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '600', '--statement-ms', '400'
    Connect-TestEmulator $script:Emulator | Out-Null
    $script:Idle = New-DliSession -ClusterName 'c' -Name 'shared' -Wait
}
AfterAll { Stop-DliEmulator $script:Emulator }

Describe 'Wait-DliSession' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'returns the session once it is idle, polling its own state URL' {
        $new = New-DliSession -ClusterName 'c' -Name 'waited'
        $new.State | Should -BeExactly 'starting'
        # The first poll is answered "starting" whatever the time: on a loaded machine the cold first poll can come
        # after the idle delay, and then a wait that never polls again would pass as well.
        Add-DliEmulatorFault $script:Emulator @{ method = 'GET'; path = "/v2.0/*/sessions/$($new.Id)/state"; count = 1; status = 200
            body = "{`"id`":`"$($new.Id)`",`"state`":`"starting`"}" } | Out-Null
        $waited = $new | Wait-DliSession -PollIntervalSec 0.1
        $waited.State | Should -BeExactly 'idle'
        $waited.Id | Should -BeExactly $new.Id
        $polls = Get-ApiRequest $script:Emulator -Method GET -Path "*/sessions/$($new.Id)/state"
        $polls.Count | Should -BeGreaterThan 1
        Get-ApiRequest $script:Emulator -Method GET -Path '/v2.0/*/sessions' | Should -BeNullOrEmpty
    }

    It 'waits for several sessions at once' {
        $many = 1..3 | ForEach-Object { New-DliSession -ClusterName 'c' -Name "many-$_" }
        $started = [Diagnostics.Stopwatch]::StartNew()
        $waited = $many | Wait-DliSession -PollIntervalSec 0.1
        $started.Elapsed.TotalSeconds | Should -BeLessThan 3
        ($waited.Id | Sort-Object) | Should -Be ($many.Id | Sort-Object)
    }

    It 'writes an error with the last log lines when the session ends instead' {
        $doomed = New-DliSession -ClusterName 'c' -Name 'doomed' -Wait
        Set-DliEmulatorSessionState $script:Emulator -Id $doomed.Id -State 'dead'
        $out = Wait-DliSession -Id $doomed.Id -ErrorVariable failure -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'DliSessionEnded,*'
        $failure[0].Exception.Message | Should -BeLike '*dead*last log lines*session is idle*'
        $failure[0].TargetObject.Id | Should -BeExactly $doomed.Id
    }

    It 'times out with an OperationTimeout error' {
        $busy = New-DliSession -ClusterName 'c' -Name 'never-busy'
        Wait-DliSession -Id $busy.Id -State 'busy' -TimeoutSec 1 -PollIntervalSec 0.2 -ErrorVariable failure -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'DliWaitTimeout,*'
        $failure[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
    }

    It 'keeps a session with a heartbeat timeout alive while it waits' {
        $beating = New-DliSession -ClusterName 'c' -Name 'heartbeat' -HeartbeatTimeoutInSecond 1
        # A wait for a state that never comes, polled faster than the heartbeat timeout, for three timeouts' worth.
        Wait-DliSession -Id $beating.Id -State 'busy' -TimeoutSec 3 -PollIntervalSec 0.2 -ErrorAction SilentlyContinue
        (Get-DliSession -Id $beating.Id).State | Should -BeExactly 'idle'
        # No request on its URL now: past its timeout the emulator's watchdog deletes it. The list is no heartbeat
        # and still shows an expired session until the watchdog's sweep, so it shows that sweep happen.
        Wait-Until { (Get-DliSession).Id -notcontains $beating.Id } -What 'the watchdog to delete the session'
        { Get-DliSession -Id $beating.Id -ErrorAction Stop } | Should -Throw -ErrorId 'DLI.0002*'
    }

    It 'stops within a second when the pipeline is stopped' {
        $slow = New-DliSession -ClusterName 'c' -Name 'stopped'
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($Module, $Context, $Id)
            Import-Module $Module
            Wait-DliSession -Id $Id -State 'busy' -TimeoutSec 60 -Context $Context
        }).AddArgument("$RepoRoot/out/DliSession/DliSession.psd1").AddArgument($slow.Context).AddArgument($slow.Id)
        $running = $shell.BeginInvoke()
        Start-Sleep -Seconds 1.5
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
        $running.IsCompleted | Should -BeTrue
        $shell.Dispose()
    }
}

Describe 'Remove-DliSession' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'sends nothing with -WhatIf, even with -Force' {
        $keep = New-DliSession -ClusterName 'c' -Name 'keep'
        Clear-DliEmulatorJournal $script:Emulator
        $keep | Remove-DliSession -WhatIf
        $keep | Remove-DliSession -Force -WhatIf
        Get-ApiRequest $script:Emulator | Should -BeNullOrEmpty
    }

    It 'asks for confirmation by default, and sends nothing when the answer is No' {
        $asked = New-DliSession -ClusterName 'c' -Name 'asked'
        Clear-DliEmulatorJournal $script:Emulator
        $recording = Invoke-WithRecordingHost -Answer '&No' -Script { param($Context, $Id) Remove-DliSession -Id $Id -Context $Context } `
            -ArgumentList $asked.Context, $asked.Id
        $recording.Choices | Should -HaveCount 1
        $recording.Choices[0].Message | Should -BeLike "*$($asked.Id)*"
        $recording.Choices[0].Labels | Should -Contain '&Yes'
        Get-ApiRequest $script:Emulator -Method DELETE | Should -BeNullOrEmpty
        (Get-DliSession -Id $asked.Id).Id | Should -BeExactly $asked.Id
    }

    It 'deletes piped sessions with -Force and writes them with -PassThru' {
        $gone = 1..2 | ForEach-Object { New-DliSession -ClusterName 'c' -Name "gone-$_" }
        $removed = $gone | Remove-DliSession -Force -PassThru
        $removed.Id | Should -Be $gone.Id
        (Get-ApiRequest $script:Emulator -Method DELETE).Count | Should -Be 2
        Get-DliSession -Name 'gone-*' | Should -BeNullOrEmpty
    }

    It 'deletes by id with -Confirm:$false' {
        $gone = New-DliSession -ClusterName 'c' -Name 'gone-by-id'
        Remove-DliSession -Id $gone.Id -Confirm:$false
        Get-DliSession -Name 'gone-by-id' -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'DliSessionNameNotFound,*'
    }

    It 'writes ObjectNotFound for a session that does not exist' {
        Remove-DliSession -Id 'missing' -Force -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failure[0].TargetObject | Should -BeExactly 'missing'
    }

    It 'removes every idle session from a filtered list' {
        1..2 | ForEach-Object { New-DliSession -ClusterName 'c' -Name "sweep-$_" -Wait } | Out-Null
        Get-DliSession -Name 'sweep-*' -State 'idle' | Remove-DliSession -Force
        Get-DliSession -Name 'sweep-*' | Should -BeNullOrEmpty
    }
}

Describe 'Get-DliSessionLog' {
    BeforeAll {
        $script:Logged = New-DliSession -ClusterName 'c' -Name 'logged' -Wait
        Add-DliEmulatorLog $script:Emulator -Id $script:Logged.Id -Count 2500
        $script:AllLines = @(Invoke-RestMethod "$($Emulator.BaseUri)/v2.0/$($Emulator.ProjectId)/sessions/$($Logged.Id)/log?from=0&size=100000" `
            -Headers @{ 'X-Auth-Token' = $Emulator.Token }).log
    }
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'streams the whole log in order, page by page' {
        $lines = $script:Logged | Get-DliSessionLog
        $lines | Should -HaveCount $script:AllLines.Count
        $lines | Should -Be $script:AllLines
        (Get-ApiRequest $script:Emulator -Method GET -Path '*/log').Count | Should -Be ([math]::Ceiling($script:AllLines.Count / 1000))
    }

    It 'writes the last lines with -Tail' {
        Get-DliSessionLog -Id $script:Logged.Id -Tail 3 | Should -Be $script:AllLines[-3..-1]
    }

    It 'writes a range with -From and -Size' {
        Get-DliSessionLog -Id $script:Logged.Id -From 10 -Size 5 | Should -Be $script:AllLines[10..14]
    }

    It 'reads the log of sessions selected by name' {
        (Get-DliSession -Name 'logg*' | Get-DliSessionLog -Tail 1) | Should -Be $script:AllLines[-1]
    }
}

Describe 'Invoke-DliStatement' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'runs code from the pipeline session and returns the finished statement' {
        $statement = $script:Idle | Invoke-DliStatement -Code 'val a = 1' -PollIntervalSec 0.1
        $statement | Should -BeOfType ([DliSession.Client.Models.SparkStatement])
        $statement.State | Should -BeExactly 'available'
        $statement.Progress | Should -Be 1
        $statement.Output.Status | Should -BeExactly 'ok'
        $statement.Output.Text | Should -BeLike '*emulator*'
        $statement.Code | Should -BeExactly 'val a = 1'
        (Get-ApiRequest $script:Emulator -Method POST -Path '*/statements')[0].body | Should -BeExactly '{"code":"val a = 1"}'
    }

    It 'runs code from a file with -Path' {
        $file = Join-Path $TestDrive 'job.scala'
        Set-Content -Path $file -Value 'val fromFile = 42' -NoNewline
        (Invoke-DliStatement -SessionId $script:Idle.Id -Path $file).Code | Should -BeExactly 'val fromFile = 42'
    }

    It 'returns at once with -NoWait' {
        $statement = $script:Idle | Invoke-DliStatement -Code 'val b = 2' -NoWait
        $statement.State | Should -BeIn @('waiting', 'running')
    }

    It 'turns an error output into a non-terminating error with the statement as target' {
        $out = $script:Idle | Invoke-DliStatement -Code 'throw new IllegalStateException("bad input")' -ErrorVariable failure -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'DliStatementFailed,*'
        $failure[0].TargetObject | Should -BeOfType ([DliSession.Client.Models.SparkStatement])
        $failure[0].Exception.ErrorName | Should -Not -BeNullOrEmpty
        $failure[0].Exception.Traceback | Should -Not -BeNullOrEmpty
    }

    It 'refuses code over 1024 characters before sending, from -Code and from -Path' {
        { Invoke-DliStatement -SessionId $script:Idle.Id -Code ('x' * 1025) -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Code*'
        $file = Join-Path $TestDrive 'long.scala'
        Set-Content -Path $file -Value ('x' * 1025) -NoNewline
        { Invoke-DliStatement -SessionId $script:Idle.Id -Path $file -ErrorAction Stop } | Should -Throw -ErrorId 'DliCodeTooLong*'
        Get-ApiRequest $script:Emulator | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        $script:Idle | Invoke-DliStatement -Code 'val c = 3' -WhatIf
        Get-ApiRequest $script:Emulator | Should -BeNullOrEmpty
    }

    It 'gets the error Livy gives on a session that is not active' {
        $dead = New-DliSession -ClusterName 'c' -Name 'dead-statement'
        Set-DliEmulatorSessionState $script:Emulator -Id $dead.Id -State 'dead'
        $dead | Invoke-DliStatement -Code 'val d = 4' -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].Exception.Message | Should -BeLike "*isn't active*"
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }
}

Describe 'Get-DliStatement and Stop-DliStatement' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'lists the statements of a piped session and gets one by id' {
        $statement = $script:Idle | Invoke-DliStatement -Code 'val e = 5'
        $all = $script:Idle | Get-DliStatement
        $all.Id | Should -Contain $statement.Id
        (Get-DliStatement -SessionId $script:Idle.Id -Id $statement.Id).Code | Should -BeExactly 'val e = 5'
    }

    It 'cancels a piped statement and sends nothing with -WhatIf' {
        $queued = $script:Idle | Invoke-DliStatement -Code 'val f = 6' -NoWait
        Clear-DliEmulatorJournal $script:Emulator
        $queued | Stop-DliStatement -WhatIf
        Get-ApiRequest $script:Emulator | Should -BeNullOrEmpty
        ($queued | Stop-DliStatement -PassThru).State | Should -BeExactly 'cancelled'
        Get-ApiRequest $script:Emulator -Method POST -Path '*/cancel' | Should -HaveCount 1
    }
}

Describe 'Parallel use of one context' {
    It 'lets 8 runspaces create, use and remove sessions with no stray session left' {
        $module = "$RepoRoot/out/DliSession/DliSession.psd1"
        $before = @(Get-DliSession).Count
        $results = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            $session = New-DliSession -ClusterName 'parallel' -Name "parallel-$_" -Wait
            $statement = $session | Invoke-DliStatement -Code "val n = $_" -PollIntervalSec 0.1
            $session | Remove-DliSession -Force
            $statement.State
        }
        $results | Should -HaveCount 8
        $results | ForEach-Object { $_ | Should -BeExactly 'available' }
        @(Get-DliSession).Count | Should -Be $before
        Get-DliSession -Name 'parallel-*' | Should -BeNullOrEmpty
    }
}
