# The Spark-job helpers of DliEmulator.psm1 drive the emulator's control API as the cmdlet tests expect. The batch
# API is called with Invoke-RestMethod and the emulator's token, so these tests need no Spark-job cmdlet.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--batch-start-ms', '60000'
    $script:Batches = "$($script:Emulator.BaseUri)/v2.0/$($script:Emulator.ProjectId)/batches"
    $script:Headers = @{ 'X-Auth-Token' = $script:Emulator.Token }

    function New-TestJob([string] $Extra = '') {
        $body = '{"file":"obs://b/app.jar","className":"com.example.Main","queue":"q"' + $Extra + '}'
        (Invoke-RestMethod -Method Post -Uri $script:Batches -Headers $script:Headers -ContentType 'application/json' -Body $body).id
    }
    function Get-TestJobLog([string] $Id, [string] $Query = '') {
        (Invoke-RestMethod -Uri "$script:Batches/$Id/log$Query" -Headers $script:Headers).log
    }
    function Get-TestJobState([string] $Id) { (Invoke-RestMethod -Uri "$script:Batches/$Id/state" -Headers $script:Headers).state }
}
AfterAll { Stop-DliEmulator $script:Emulator }

Describe 'Spark job control helpers' {
    It 'Set-DliEmulatorSparkJobState holds a job in the state given' {
        $id = New-TestJob
        Get-TestJobState $id | Should -BeExactly 'starting'
        Set-DliEmulatorSparkJobState $script:Emulator -Id $id -State running
        Get-TestJobState $id | Should -BeExactly 'running'
    }

    It 'Invoke-DliEmulatorSparkJobFailure kills a job, logging the lines and the reason' {
        $id = New-TestJob
        Invoke-DliEmulatorSparkJobFailure $script:Emulator -Id $id -Reason 'boom' -Line 'stack line 1', 'stack line 2' | Should -BeExactly 'dead'
        Get-TestJobState $id | Should -BeExactly 'dead'
        $log = Get-TestJobLog $id
        $log[-4] | Should -BeExactly 'stack line 1'
        $log[-3] | Should -BeExactly 'stack line 2'
        $log[-2] | Should -BeLike '*ERROR*failed: boom'
    }

    It 'Invoke-DliEmulatorSparkJobFailure makes a job with auto_recovery recover' {
        $id = New-TestJob ',"auto_recovery":true,"max_retry_times":1'
        Invoke-DliEmulatorSparkJobFailure $script:Emulator -Id $id | Should -BeExactly 'recovering'
        Get-TestJobLog $id '?index=1' | Should -BeLike '*retry 1 of at most 1*'
    }

    It 'Add-DliEmulatorSparkJobLog appends the lines given or a count of generated ones' {
        $id = New-TestJob
        Add-DliEmulatorSparkJobLog $script:Emulator -Id $id -Line 'hello'
        Add-DliEmulatorSparkJobLog $script:Emulator -Id $id -Count 3
        $log = Get-TestJobLog $id
        $log[-4] | Should -BeExactly 'hello'
        $log[-1] | Should -BeLike '*emulated log line 3 of 3'
    }
}
