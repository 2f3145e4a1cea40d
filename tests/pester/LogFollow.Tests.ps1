# Get-DliSessionLog -Wait and Get-DliSparkJobLog -Wait against the emulator: the lines there are, lines appended while
# the cmdlet runs in another runspace, its own end when the session or job ends, and Ctrl+C.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '0'
    $script:Context = Connect-TestEmulator $script:Emulator
    $script:Submit = @{ Queue = 'q'; File = 'obs://b/app.jar'; ClassName = 'com.example.Main' }

    function Start-Follow {
        # Runs -Command (it sees $Id and $Context) in a runspace of its own; its output fills the returned Output as it comes.
        param([Parameter(Mandatory)] [string] $Command, [Parameter(Mandatory)] [string] $Id)
        $shell = [powershell]::Create()
        $shell.AddScript("param(`$Module, `$Context, `$Id) Import-Module `$Module; $Command").
            AddArgument("$RepoRoot/out/DliSession/DliSession.psd1").AddArgument($script:Context).AddArgument($Id) | Out-Null
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $running = $shell.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        [pscustomobject]@{ Shell = $shell; Output = $output; Running = $running }
    }

    function Get-Collected {
        # The items of a runspace's stream so far, by index: enumerating a collection that is still open blocks until it closes.
        param([Parameter(Mandatory)] [AllowEmptyCollection()] $Collection)
        for ($i = 0; $i -lt $Collection.Count; $i++) { $Collection[$i] }
    }

    function Get-Written {
        # The lines $Follow has written so far, as strings.
        param([Parameter(Mandatory)] $Follow)
        Get-Collected $Follow.Output | ForEach-Object { [string]$_ }
    }

    function Get-VerboseMessage {
        param([Parameter(Mandatory)] $Follow)
        Get-Collected $Follow.Shell.Streams.Verbose | ForEach-Object Message
    }

    function Wait-Lines {
        # Waits until $Follow has written at least -Count lines.
        param([Parameter(Mandatory)] $Follow, [Parameter(Mandatory)] [int] $Count)
        Wait-Until { $Follow.Output.Count -ge $Count -or $Follow.Running.IsCompleted } -What "$Count log lines" -TimeoutSec 30
    }

    function Wait-End {
        # Waits until $Follow has ended by itself, and returns the lines it wrote as strings.
        param([Parameter(Mandatory)] $Follow)
        Wait-Until { $Follow.Running.IsCompleted } -What 'the follow to end by itself' -TimeoutSec 30
        $Follow.Shell.InvocationStateInfo.State | Should -Be 'Completed'
        @(Get-Collected $Follow.Shell.Streams.Error) | Should -HaveCount 0
        Get-Written $Follow
    }
}
AfterAll { Disconnect-Dli; Stop-DliEmulator $script:Emulator }

Describe 'Get-DliSessionLog -Wait' {
    It 'writes the lines there are, then lines appended later, and ends by itself when the session ends' {
        $session = New-DliSession -Queue 'q' -Name 'follow' -Wait
        $existing = @(Get-DliSessionLog -Id $session.Id)
        $follow = Start-Follow 'Get-DliSessionLog -Id $Id -Context $Context -Wait -PollIntervalSec 0.2 -Verbose' -Id $session.Id
        try {
            Wait-Lines $follow -Count $existing.Count
            @(Get-Written $follow) | Should -BeExactly $existing
            $follow.Running.IsCompleted | Should -BeFalse

            Add-DliEmulatorLog $script:Emulator -Id $session.Id -Count 3
            Wait-Lines $follow -Count ($existing.Count + 3)
            $follow.Running.IsCompleted | Should -BeFalse

            Set-DliEmulatorSessionState $script:Emulator -Id $session.Id -State dead
            $written = @(Wait-End $follow)
            $written | Should -BeExactly @(Get-DliSessionLog -Id $session.Id)
            $written[$existing.Count..($existing.Count + 2)] | Should -BeLike '*emulated log line * of 3'
            $written[-1] | Should -BeLike '*session state forced to dead'
            $follow.Output[0].SessionId | Should -BeExactly $session.Id
            @(Get-VerboseMessage $follow) | Should -Contain "Session '$($session.Id)' has ended (dead): its log is complete."
        }
        finally { $follow.Shell.Dispose() }
    }

    It 'with -Tail starts with the last lines, then follows' {
        $session = New-DliSession -Queue 'q' -Name 'follow-tail' -Wait
        Add-DliEmulatorLog $script:Emulator -Id $session.Id -Count 5
        $last = @(Get-DliSessionLog -Id $session.Id -Tail 2)
        $follow = Start-Follow 'Get-DliSessionLog -Id $Id -Context $Context -Tail 2 -Wait -PollIntervalSec 0.2' -Id $session.Id
        try {
            Wait-Lines $follow -Count 2
            Add-DliEmulatorLog $script:Emulator -Id $session.Id -Count 1
            Wait-Lines $follow -Count 3
            Set-DliEmulatorSessionState $script:Emulator -Id $session.Id -State killed

            $written = @(Wait-End $follow)
            $written | Should -HaveCount 4
            $written[0..1] | Should -BeExactly $last
            $written[2] | Should -BeLike '*emulated log line 1 of 1'
            $written[3] | Should -BeLike '*session state forced to killed'
        }
        finally { $follow.Shell.Dispose() }
    }

    It 'ends quietly when the session is removed while it follows' {
        $session = New-DliSession -Queue 'q' -Name 'follow-removed' -Wait
        $follow = Start-Follow 'Get-DliSessionLog -Id $Id -Context $Context -Wait -PollIntervalSec 0.2 -Verbose' -Id $session.Id
        try {
            Wait-Lines $follow -Count 1
            Remove-DliSession -Id $session.Id -Force
            Wait-End $follow | Should -Not -BeNullOrEmpty
            @(Get-VerboseMessage $follow) | Should -Contain "Session '$($session.Id)' no longer exists: its log ends here."
        }
        finally { $follow.Shell.Dispose() }
    }

    It 'writes the whole log of a session that has already ended and returns' {
        $session = New-DliSession -Queue 'q' -Name 'follow-ended' -Wait
        Set-DliEmulatorSessionState $script:Emulator -Id $session.Id -State dead
        $follow = Start-Follow 'Get-DliSessionLog -Id $Id -Context $Context -Wait -PollIntervalSec 300' -Id $session.Id
        try {
            # With a 300 s pause, only ending without a pause ends it in time.
            @(Wait-End $follow) | Should -BeExactly @(Get-DliSessionLog -Id $session.Id)
        }
        finally { $follow.Shell.Dispose() }
    }

    It 'refuses -PollIntervalSec without -Wait before sending anything' {
        Clear-DliEmulatorJournal $script:Emulator
        $failure = { Get-DliSessionLog -Id 'fd090caf-0000-4000-8000-000000000000' -PollIntervalSec 1 } |
            Should -Throw -ErrorId 'DliPollIntervalWithoutWait*' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -BeLike '*-PollIntervalSec*-Wait*'
        Get-ApiRequest $script:Emulator | Should -HaveCount 0
    }
}

Describe 'Get-DliSparkJobLog -Wait' {
    It 'writes the lines there are, then lines appended later, and ends by itself when the job ends' {
        $job = Submit-DliSparkJob @Submit
        Set-DliEmulatorSparkJobState $script:Emulator -Id $job.Id -State running
        $existing = @(Get-DliSparkJobLog -Id $job.Id)
        $follow = Start-Follow 'Get-DliSparkJobLog -Id $Id -Context $Context -Wait -PollIntervalSec 0.2 -Verbose' -Id $job.Id
        try {
            Wait-Lines $follow -Count $existing.Count
            Add-DliEmulatorSparkJobLog $script:Emulator -Id $job.Id -Line 'stage 1 of 2 done', 'stage 2 of 2 done'
            Wait-Lines $follow -Count ($existing.Count + 2)
            $follow.Running.IsCompleted | Should -BeFalse

            Invoke-DliEmulatorSparkJobFailure $script:Emulator -Id $job.Id -Reason 'input missing' -Line 'last words' | Should -Be 'dead'
            $written = @(Wait-End $follow)
            $written | Should -BeExactly @(Get-DliSparkJobLog -Id $job.Id)
            $written | Should -Contain 'stage 2 of 2 done'
            $written | Should -Contain 'last words'
            $follow.Output[0].JobId | Should -BeExactly $job.Id
            @(Get-VerboseMessage $follow) | Should -Contain "Spark job '$($job.Id)' has ended (dead): its log is complete."
        }
        finally { $follow.Shell.Dispose() }
    }
}

Describe 'Ctrl+C during -Wait' {
    It 'stops <Cmdlet> within a second' -ForEach @(
        @{ Cmdlet = 'Get-DliSessionLog'; Start = { (New-DliSession -Queue 'q' -Name 'follow-stop' -Wait).Id } }
        @{ Cmdlet = 'Get-DliSparkJobLog'; Start = {
                $job = Submit-DliSparkJob @Submit
                Set-DliEmulatorSparkJobState $script:Emulator -Id $job.Id -State running
                $job.Id
            }
        }
    ) {
        $follow = Start-Follow "$Cmdlet -Id `$Id -Context `$Context -Wait -PollIntervalSec 30" -Id (& $Start)
        try {
            Wait-Lines $follow -Count 1
            Start-Sleep -Milliseconds 1500   # past the first short pauses, into a long one

            $clock = [Diagnostics.Stopwatch]::StartNew()
            $follow.Shell.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
            $follow.Running.IsCompleted | Should -BeTrue
            $follow.Shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $follow.Shell.Dispose() }
    }
}
