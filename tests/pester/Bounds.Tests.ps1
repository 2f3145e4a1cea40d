# What a service cannot make the module do: wait past -TimeoutSec, or list and read logs without end.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    Import-Module "$PSScriptRoot/HostileServer.psm1" -Force

    function Get-PageRequestCount {
        # How many list pages (-Kind list) or log pages (-Kind log) the hostile server was asked for.
        param([Parameter(Mandatory)] [ValidateSet('list', 'log')] [string] $Kind)
        $logs = @(Get-HostileRequest $script:Service | Where-Object Target -Like '*/log*')
        if ($Kind -eq 'log') { $logs.Count } else { @(Get-HostileRequest $script:Service).Count - $logs.Count }
    }
}

Describe 'A wait''s -TimeoutSec bounds the whole wait' {
    BeforeAll {
        $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '0'
        # The default HTTP settings: 4 attempts of 30 s each would be two minutes without the wait's own bound.
        Connect-TestEmulator $script:Emulator | Out-Null
        $script:Session = New-DliSession -ClusterName 'c' -Name 'unanswered'
        $script:Statement = $script:Session | Invoke-DliStatement -Code 'val a = 1' -NoWait
    }
    AfterAll { Stop-DliEmulator $script:Emulator }
    AfterEach { Clear-DliEmulatorFault $script:Emulator }

    It 'ends Wait-DliSession near -TimeoutSec with DliWaitTimeout against a service that never answers' {
        Add-DliEmulatorFault $script:Emulator @{ method = 'GET'; path = '/v2.0/*/sessions/**'; count = 100; status = 200; body = '{}'; delayMs = 600000 } | Out-Null
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Wait-DliSession -Id $script:Session.Id -State busy -TimeoutSec 3 -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'DliWaitTimeout,*'
        $failure[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failure[0].Exception.Message | Should -BeLike '*no answer within 3 s*'
    }

    It 'ends Invoke-DliStatement''s wait near -TimeoutSec with DliWaitTimeout against a service that never answers' {
        Add-DliEmulatorFault $script:Emulator @{ method = 'GET'; path = '/v2.0/*/sessions/*/statements/*'; count = 100; status = 200; body = '{}'; delayMs = 600000 } | Out-Null
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $script:Session | Invoke-DliStatement -Code 'val b = 2' -TimeoutSec 3 -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'DliWaitTimeout,*'
        $failure[0].Exception.Message | Should -BeLike '*still*after 3 s*Stop-DliStatement*'
    }
}

Describe 'Listings that never end' {
    BeforeAll {
        $script:Service = Start-HostileServer
        $token = ConvertTo-SecureString 'hostile-token' -AsPlainText -Force
        $script:Hostile = Connect-Dli -Endpoint $script:Service.Uri -ProjectId 'p1' -Token $token -PassThru
    }
    AfterAll { $script:Service.Dispose() }
    BeforeEach {
        $script:Service.Reset()
        Set-HostileEndlessAnswer $script:Service
    }

    It 'stops Get-DliSession with a warning past twice the total the first page reported' {
        $sessions = Get-DliSession -Context $script:Hostile -PageSize 50 -WarningVariable warned -WarningAction SilentlyContinue
        # The first page reports 100; the list reads on to twice that and stops.
        $sessions | Should -HaveCount 200
        (Get-PageRequestCount list) | Should -Be 4
        $warned | Should -HaveCount 1
        "$warned" | Should -BeLike '*reported 100 sessions in all but keeps sending more*'
    }

    It 'stops Get-DliSessionLog with a warning past twice the total the first page reported' {
        $lines = Get-DliSessionLog -Context $script:Hostile -Id 's1' -WarningVariable warned -WarningAction SilentlyContinue
        $lines | Should -HaveCount 200
        (Get-PageRequestCount log) | Should -Be 4
        "$warned" | Should -BeLike '*keeps sending more*'
    }

    It 'stops at -MaxPages with a warning' {
        Get-DliSession -Context $script:Hostile -PageSize 50 -MaxPages 2 -WarningVariable warned -WarningAction SilentlyContinue |
            Should -HaveCount 100
        (Get-PageRequestCount list) | Should -Be 2
        "$warned" | Should -BeLike '*stops after 2 page(s)*'
        Get-DliSessionLog -Context $script:Hostile -Id 's1' -MaxPages 1 -WarningAction SilentlyContinue | Should -HaveCount 50
        (Get-PageRequestCount log) | Should -Be 1
    }

    It 'refuses a -MaxPages below 1 before sending anything' {
        { Get-DliSession -Context $script:Hostile -MaxPages 0 } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
        (Get-PageRequestCount list) | Should -Be 0
    }
}
