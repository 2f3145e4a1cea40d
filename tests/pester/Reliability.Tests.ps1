# Retries, timeouts, bad answers and Ctrl+C as a PowerShell user meets them, against the emulator's injected faults.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '0'
    $script:Context = Connect-TestEmulator $script:Emulator
    $script:Id = (New-DliSession -Queue 'q1' -Name 'reliability').Id
    $script:SessionGlob = '/v2.0/*/sessions/*'
    $script:CreateGlob = '/v2.0/*/sessions'

}
AfterAll { Stop-DliEmulator $script:Emulator }

Describe 'Retries seen from PowerShell' {
    BeforeEach {
        Clear-DliEmulatorFault $script:Emulator
        Clear-DliEmulatorJournal $script:Emulator
    }

    It 'retries a GET answered 503 and says so on the verbose stream without a secret' {
        Add-DliEmulatorFault $script:Emulator @{ method = 'GET'; path = $SessionGlob; count = 2; status = 503 } | Out-Null
        $output = Get-DliSession -Id $Id -Verbose 4>&1
        $session = @($output | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $retries = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like 'Retrying*' })
        $session.Id | Should -Be $Id
        $retries.Message | Should -Match '^Retrying GET /v2\.0/emulator-project/sessions/\S+ after 503 ServiceUnavailable: waiting [\d.]+ s \(attempt [23] of 4\)\.$'
        $retries | Should -HaveCount 2
        ($output | Out-String) | Should -Not -Match $Emulator.SecretKey
        (Get-ApiRequest $Emulator -Method GET).status | Should -Be @(503, 503, 200)
    }

    It 'sends a create answered 503 once and reports it as ResourceUnavailable' {
        Add-DliEmulatorFault $script:Emulator @{ method = 'POST'; path = $CreateGlob; status = 503 } | Out-Null
        $failure = Get-Failure { New-DliSession -Queue 'q1' }
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliHttp503,*'
        $failure.CategoryInfo.Category | Should -Be 'ResourceUnavailable'
        Get-ApiRequest $Emulator -Method POST | Should -HaveCount 1
    }

    It 'does not resend a create whose connection dropped after sending, and says why' {
        Add-DliEmulatorFault $script:Emulator @{ method = 'POST'; path = $CreateGlob; abort = $true } | Out-Null
        $failure = Get-Failure { New-DliSession -Queue 'q1' }
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliConnectionFailed,*'
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure.Exception.Message | Should -Match 'not retried, because the service may have acted on it already'
        Get-ApiRequest $Emulator -Method POST | Should -HaveCount 1
    }

    It 'reports a 200 carrying <Case> as <ErrorId>' -ForEach @(
        @{ Case = 'an HTML page'; Body = '<html>maintenance</html>'; BodyBytes = 0; ErrorId = 'DliResponseNotJson' }
        @{ Case = 'truncated JSON'; Body = '{"id":"a","sta'; BodyBytes = 0; ErrorId = 'DliResponseTruncated' }
        @{ Case = 'JSON of the wrong shape'; Body = '{"id":["a"],"state":"idle"}'; BodyBytes = 0; ErrorId = 'DliResponseWrongShape' }
        @{ Case = 'nothing'; Body = ''; BodyBytes = 0; ErrorId = 'DliResponseEmpty' }
        @{ Case = 'more than 64 MiB'; Body = '{"id":"'; BodyBytes = 64MB + 1; ErrorId = 'DliResponseTooLarge' }
    ) {
        Add-DliEmulatorFault $script:Emulator @{ method = 'GET'; path = $SessionGlob; status = 200; body = $Body; bodyBytes = $BodyBytes } | Out-Null
        $failure = Get-Failure { Get-DliSession -Id $Id }
        $failure.FullyQualifiedErrorId | Should -BeLike "$ErrorId,*"
        $failure.CategoryInfo.Category | Should -Be 'InvalidResult'
        $failure.TargetObject | Should -Be $Id
    }
}

Describe 'Connect-Dli -MaxAttempts and -TimeoutSec, and their environment variables' {
    BeforeEach {
        Clear-DliEmulatorFault $script:Emulator
        Clear-DliEmulatorJournal $script:Emulator
    }
    AfterEach {
        $env:DLI_MAX_ATTEMPTS = $null
        $env:DLI_TIMEOUT_SEC = $null
        Connect-Dli -Context $script:Context
    }

    It 'stops after -MaxAttempts requests' {
        Connect-TestEmulator $script:Emulator -Parameter @{ MaxAttempts = 2 } | Out-Null
        Add-DliEmulatorFault $script:Emulator @{ method = 'GET'; path = $SessionGlob; count = 5; status = 503 } | Out-Null
        $failure = Get-Failure { Get-DliSession -Id $Id }
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliHttp503,*'
        Get-ApiRequest $Emulator -Method GET | Should -HaveCount 2
    }

    It 'gives up on an answer slower than -TimeoutSec with OperationTimeout' {
        Connect-TestEmulator $script:Emulator -Parameter @{ MaxAttempts = 1; TimeoutSec = 1 } | Out-Null
        Add-DliEmulatorFault $script:Emulator @{ method = 'GET'; path = $SessionGlob; status = 200; body = '{}'; delayMs = 10000 } | Out-Null
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $failure = Get-Failure { Get-DliSession -Id $Id }
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliTimeout,*'
        $failure.CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failure.Exception.Message | Should -Match 'no complete answer within 1 s'
    }

    It 'takes DLI_MAX_ATTEMPTS and DLI_TIMEOUT_SEC, and lets the parameters win over them' {
        $env:DLI_MAX_ATTEMPTS = '2'
        $env:DLI_TIMEOUT_SEC = '7'
        $fromEnvironment = Connect-TestEmulator $script:Emulator
        $fromEnvironment.Http.MaxAttempts | Should -Be 2
        $fromEnvironment.Http.Timeout | Should -Be ([timespan]::FromSeconds(7))
        (Connect-TestEmulator $script:Emulator -NoDefault -Parameter @{ MaxAttempts = 3; TimeoutSec = 9 }).Http.MaxAttempts | Should -Be 3

        Add-DliEmulatorFault $script:Emulator @{ method = 'GET'; path = $SessionGlob; count = 5; status = 503 } | Out-Null
        Get-Failure { Get-DliSession -Id $Id -Context $fromEnvironment } | Out-Null
        Get-ApiRequest $Emulator -Method GET | Should -HaveCount 2
    }
}

Describe 'Ctrl+C' {
    BeforeEach {
        Clear-DliEmulatorFault $script:Emulator
        Clear-DliEmulatorJournal $script:Emulator
    }

    It 'stops within a second while <Case>' -ForEach @(
        @{ Case = 'waiting for a slow answer'; Fault = @{ method = 'GET'; path = '/v2.0/*/sessions/*'; status = 200; body = '{}'; delayMs = 20000 } }
        @{ Case = 'waiting to retry after a 429'; Fault = @{ method = 'GET'; path = '/v2.0/*/sessions/*'; status = 429; headers = @{ 'Retry-After' = '20' } } }
    ) {
        Add-DliEmulatorFault $script:Emulator $Fault | Out-Null
        $before = (Get-DliEmulatorStats $script:Emulator).requests
        $shell = [powershell]::Create()
        try {
            $shell.AddScript('param($Module, $Context, $Id) Import-Module $Module; Get-DliSession -Id $Id -Context $Context').
                AddArgument("$RepoRoot/out/DliSession/DliSession.psd1").AddArgument($script:Context).AddArgument($Id) | Out-Null
            $running = $shell.BeginInvoke()
            Wait-ApiRequest -Emulator $script:Emulator -Before $before
            Start-Sleep -Milliseconds 200   # into the wait itself, past the request's first moments

            $clock = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
            $running.IsCompleted | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $shell.Dispose() }
    }
}

Describe 'Load: 8 runspaces, 10% of GETs answered 503' {
    BeforeAll {
        Reset-DliEmulator $script:Emulator
        # The retry budget is raised so that a run of 503s on one call (0.1^n) is not what the test measures.
        $script:LoadContext = Connect-TestEmulator $script:Emulator -NoDefault -Parameter @{ MaxAttempts = 8 }
        Add-DliEmulatorFault $script:Emulator @{ method = 'GET'; path = '/v2.0/*/sessions/*'; status = 503; count = 100000; probability = 0.1 } | Out-Null
    }
    AfterAll {
        Clear-DliEmulatorFault $script:Emulator
        Connect-Dli -Context $script:Context
    }

    It 'succeeds in every call, creates each session once and leaves none behind' {
        $module = "$RepoRoot/out/DliSession/DliSession.psd1"
        $results = 1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            # 200 calls per runspace: 4 creates, 192 gets, 4 deletes.
            Import-Module $using:module
            $context = $using:LoadContext
            $runspace = $_
            $ids = @(1..4 | ForEach-Object { (New-DliSession -Queue 'load' -Name "load-$runspace-$_" -Context $context -ErrorVariable +failed -ErrorAction SilentlyContinue).Id })
            $got = 0
            for ($i = 0; $i -lt 192; $i++) {
                if (Get-DliSession -Id $ids[$i % 4] -Context $context -ErrorVariable +failed -ErrorAction SilentlyContinue) { $got++ }
            }
            Remove-DliSession -Id $ids -Force -Context $context -ErrorVariable +failed -ErrorAction SilentlyContinue
            [pscustomobject]@{ Created = $ids.Count; Got = $got; Errors = @($failed).Count }
        }
        $results | Should -HaveCount 8
        ($results | Measure-Object Errors -Sum).Sum | Should -Be 0
        ($results | Measure-Object Got -Sum).Sum | Should -Be (8 * 192)
        ($results | Measure-Object Created -Sum).Sum | Should -Be 32

        $journal = Get-DliEmulatorJournal $script:Emulator
        @($journal | Where-Object { $_.method -eq 'POST' }) | Should -HaveCount 32
        $throttled = @($journal | Where-Object { $_.method -eq 'GET' -and $_.status -eq 503 }).Count
        $throttled | Should -BeGreaterThan 50   # about 170 expected: the faults really happened
        Clear-DliEmulatorFault $script:Emulator
        @(Get-DliSession -Context $script:LoadContext) | Should -HaveCount 0
    }
}
