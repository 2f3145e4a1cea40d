# The Spark job cmdlets against the emulator's batch API: every parameter on the wire, validation, -WhatIf, the life
# of a job and its failure, waits and Ctrl+C, DLI's errors, paging and the list filters.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    # Jobs run quickly here; tests that need a job to stay put hold it with Set-DliEmulatorSparkJobState.
    $script:Emulator = Start-DliEmulator -ArgumentList '--batch-start-ms', '200', '--batch-run-ms', '400'
    $script:Context = Connect-TestEmulator $script:Emulator
    $script:Submit = @{ Queue = 'q'; File = 'obs://b/app.jar'; ClassName = 'com.example.Main' }

    function Get-SubmitBody {
        # The JSON body of the only create request sent since the journal was cleared, as a hashtable.
        $posts = Get-ApiRequest $script:Emulator -Method POST -Path '*/batches'
        $posts | Should -HaveCount 1
        $posts[0].body | ConvertFrom-Json -AsHashtable
    }


    function Start-JobKiller {
        # A thread that waits for the job named -Name to appear on -Emulator, then makes its driver fail with -Line.
        param($Emulator, [string] $Name, [string[]] $Line)
        Start-ThreadJob -ArgumentList $Emulator.BaseUri, $Emulator.ProjectId, $Emulator.Token, $Name, $Line {
            param($Base, $Project, $Token, $Name, $Line)
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            while ([datetime]::UtcNow -lt $deadline) {
                $jobs = (Invoke-RestMethod "$Base/v2.0/$Project/batches?job_name=$Name" -Headers @{ 'X-Auth-Token' = $Token }).sessions
                if ($jobs) {
                    $body = @{ reason = 'java.lang.IllegalStateException: input missing'; lines = $Line } | ConvertTo-Json
                    return (Invoke-RestMethod -Method Post "$Base/_emulator/batches/$($jobs[0].id)/fail" -ContentType 'application/json' -Body $body).state
                }
                Start-Sleep -Milliseconds 50
            }
            throw "No job named $Name appeared."
        }
    }
}
AfterAll { Stop-DliEmulator $script:Emulator }

Describe 'Submit-DliSparkJob' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'sends every create field under the SDK name and JSON type, mixed casing included' {
        $job = Submit-DliSparkJob -Queue 'q1' -File 'obs://b/app.jar' -ClassName 'com.example.Main' -Argument '--day', '2026-11-29' `
            -ScType B -Jar 'obs://b/dep.jar' -PyFile 'obs://b/dep.py' -AdditionalFile 'obs://b/data.csv' -Module 'sys.datasource.rds' `
            -Resource @{ Name = 'grp/pkg.jar'; Type = 'jar' } -Group @{ Name = 'grp'; Resources = @(@{ Name = 'inner.jar'; Type = 'jar' }) } `
            -Conf @{ 'spark.sql.shuffle.partitions' = 200; 'spark.dynamicAllocation.enabled' = $false } -Name 'every-field' `
            -DriverMemory 2GB -DriverCores 1 -ExecutorMemory '4096 MB' -ExecutorCores 2 -NumExecutors 3 -Feature custom `
            -SparkVersion '3.3.1' -AutoRecovery -MaxRetryTimes 5 -Image 'org/image:1' -ExecutionAgencyUrn 'dli_agency' `
            -ObsBucket 'b' -CatalogName 'dli'
        $body = Get-SubmitBody
        $body.Keys | Sort-Object | Should -BeExactly @('args', 'auto_recovery', 'catalog_name', 'className', 'conf', 'driverCores',
            'driverMemory', 'execution_agency_urn', 'executorCores', 'executorMemory', 'feature', 'file', 'files', 'groups', 'image',
            'jars', 'max_retry_times', 'modules', 'name', 'numExecutors', 'obs_bucket', 'pyFiles', 'queue', 'resources', 'sc_type',
            'spark_version')
        $body.file | Should -BeExactly 'obs://b/app.jar'
        $body.className | Should -BeExactly 'com.example.Main'
        $body.queue | Should -BeExactly 'q1'
        $body.args | Should -BeExactly @('--day', '2026-11-29')
        $body.sc_type | Should -BeExactly 'B'
        $body.jars | Should -BeExactly @('obs://b/dep.jar')
        $body.pyFiles | Should -BeExactly @('obs://b/dep.py')
        $body.files | Should -BeExactly @('obs://b/data.csv')
        $body.modules | Should -BeExactly @('sys.datasource.rds')
        $body.resources[0].name | Should -BeExactly 'grp/pkg.jar'
        $body.resources[0].type | Should -BeExactly 'jar'
        $body.groups[0].name | Should -BeExactly 'grp'
        $body.groups[0].resources[0].name | Should -BeExactly 'inner.jar'
        $body.conf['spark.sql.shuffle.partitions'] | Should -BeExactly '200'
        $body.conf['spark.dynamicAllocation.enabled'] | Should -BeExactly 'false'
        $body.name | Should -BeExactly 'every-field'
        $body.driverMemory | Should -BeExactly '2g'
        $body.driverCores | Should -BeOfType [long]
        $body.driverCores | Should -Be 1
        $body.executorMemory | Should -BeExactly '4096m'
        $body.executorCores | Should -Be 2
        $body.numExecutors | Should -Be 3
        $body.feature | Should -BeExactly 'custom'
        $body.spark_version | Should -BeExactly '3.3.1'
        $body.auto_recovery | Should -BeOfType [bool]
        $body.auto_recovery | Should -BeTrue
        $body.max_retry_times | Should -BeOfType [long]
        $body.max_retry_times | Should -Be 5
        $body.image | Should -BeExactly 'org/image:1'
        $body.execution_agency_urn | Should -BeExactly 'dli_agency'
        $body.obs_bucket | Should -BeExactly 'b'
        $body.catalog_name | Should -BeExactly 'dli'
        $job.ScType | Should -BeExactly 'CUSTOMIZED'
    }

    It 'sends only file, className and the queue when nothing else is given, and no nulls' {
        Submit-DliSparkJob @Submit | Out-Null
        (Get-ApiRequest $script:Emulator -Method POST -Path '*/batches')[0].body |
            Should -BeExactly '{"file":"obs://b/app.jar","className":"com.example.Main","queue":"q"}'
    }

    It 'sends cluster_name and no queue in the Cluster parameter set' {
        Submit-DliSparkJob -ClusterName 'legacy' -File 'obs://b/app.jar' -ClassName 'com.example.Main' | Out-Null
        $body = Get-SubmitBody
        $body.cluster_name | Should -BeExactly 'legacy'
        $body.ContainsKey('queue') | Should -BeFalse
    }

    It 'sends -AutoRecovery:$false as false, and lower-cases -Feature and upper-cases -ScType' {
        Submit-DliSparkJob @Submit -AutoRecovery:$false -Feature AI -ScType c | Out-Null
        $body = Get-SubmitBody
        $body.auto_recovery | Should -BeFalse
        $body.feature | Should -BeExactly 'ai'
        $body.sc_type | Should -BeExactly 'C'
    }

    It 'returns a typed job that carries its context' {
        $job = Submit-DliSparkJob @Submit -Name 'typed'
        $job | Should -BeOfType ([DliSession.Client.Models.SparkJob])
        [guid]::Parse($job.Id) | Should -Not -BeNullOrEmpty
        $job.JobId | Should -BeExactly $job.Id
        $job.State | Should -BeExactly 'starting'
        $job.Name | Should -BeExactly 'typed'
        $job.Queue | Should -BeExactly 'q'
        $job.CreateTime | Should -BeOfType ([DateTimeOffset])
        $job.Context.Endpoint | Should -Be ([uri]$script:Emulator.BaseUri)
    }

    It 'refuses <Case> before sending anything' -ForEach @(
        @{ Case = 'a name over 128 characters'; Extra = @{ Name = 'n' * 129 }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Case = 'an unknown compute type'; Extra = @{ ScType = 'D' }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Case = 'an unknown feature'; Extra = @{ Feature = 'gpu' }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Case = 'more than 100 retries'; Extra = @{ MaxRetryTimes = 101 }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Case = 'negative retries'; Extra = @{ MaxRetryTimes = -1 }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Case = 'zero driver cores'; Extra = @{ DriverCores = 0 }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Case = 'memory without a unit under 1 MB'; Extra = @{ ExecutorMemory = 512 }; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Case = 'a resource without a type'; Extra = @{ Resource = @{ Name = 'x.jar' } }; ErrorId = 'ParameterArgumentTransformationError' }
        @{ Case = 'an empty file'; Extra = @{ File = '' }; ErrorId = 'ParameterArgumentValidationError' }
        @{ Case = 'a custom feature without an image'; Extra = @{ Feature = 'custom' }; ErrorId = 'DliCustomFeatureNeedsImage' }
    ) {
        $parameters = $script:Submit.Clone()
        foreach ($key in $Extra.Keys) { $parameters[$key] = $Extra[$key] }
        { Submit-DliSparkJob @parameters -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,*"
        Get-ApiRequest $script:Emulator | Should -HaveCount 0
    }

    It 'refuses -Queue with -ClusterName before sending anything' {
        { Submit-DliSparkJob @Submit -ClusterName 'c' -ErrorAction Stop } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        Get-ApiRequest $script:Emulator | Should -HaveCount 0
    }

    It 'sends nothing with -WhatIf, or with $WhatIfPreference set' {
        Submit-DliSparkJob @Submit -WhatIf | Should -BeNullOrEmpty
        $WhatIfPreference = $true
        Submit-DliSparkJob @Submit | Should -BeNullOrEmpty
        $WhatIfPreference = $false
        Get-ApiRequest $script:Emulator | Should -HaveCount 0
    }

    It 'writes DLI''s refusal with its code as the error id' {
        Add-DliEmulatorFault $script:Emulator @{ method = 'POST'; path = '/v2.0/*/batches'; status = 400; contentType = 'application/json'
            body = '{"error_code":"DLI.0001","error_msg":"Queue q does not exist."}' } | Out-Null
        try {
            $failure = Get-Failure { Submit-DliSparkJob @Submit }
            $failure.FullyQualifiedErrorId | Should -BeLike 'DLI.0001,*'
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failure.Exception.Message | Should -Match 'Queue q does not exist'
        }
        finally { Clear-DliEmulatorFault $script:Emulator }
    }
}

Describe 'The issue''s pipeline: Submit-DliSparkJob -Wait | Get-DliSparkJobLog -Tail 20' {
    BeforeAll {
        # Jobs stay starting for a minute unless made to die, so the failure below is never raced by a success.
        $script:Slow = Start-DliEmulator -ArgumentList '--batch-start-ms', '60000'
        $script:SlowContext = Connect-TestEmulator $script:Slow -NoDefault
        Connect-Dli -Context $script:Context
    }
    AfterAll { Stop-DliEmulator $script:Slow }

    It 'writes the end of the log of a job that succeeded' {
        $lines = @(Submit-DliSparkJob -Queue q -File obs://b/app.jar -ClassName com.example.Main -Wait | Get-DliSparkJobLog -Tail 20)
        $lines.Count | Should -BeGreaterThan 0
        $lines.Count | Should -BeLessOrEqual 20
        $lines | Should -BeOfType ([string])
        $logs = Get-ApiRequest $script:Emulator -Method GET -Path '*/batches/*/log'
        $logs | Should -HaveCount 1
        $logs[0].query | Should -BeExactly '?size=20'
        $job = Get-DliSparkJob -Id ((Get-ApiRequest $script:Emulator -Method GET -Path '*/batches/*/log')[0].path -split '/')[-2]
        $job.State | Should -BeExactly 'success'
    }

    It 'fails with DliSparkJobFailed and the job''s last log lines when the job dies, and writes no log' {
        $killer = Start-JobKiller $script:Slow -Name 'doomed' -Line 'Exception in thread "main" java.lang.IllegalStateException', 'at com.example.Main.main(Main.java:42)'
        try {
            $ErrorActionPreference = 'Continue'
            $lines = @(Submit-DliSparkJob -Queue q -File obs://b/app.jar -ClassName com.example.Main -Name doomed -Wait -Context $script:SlowContext `
                    -ErrorVariable failed -ErrorAction SilentlyContinue | Get-DliSparkJobLog -Tail 20)
            $killer | Wait-Job -Timeout 30 | Receive-Job | Should -BeExactly 'dead'
        }
        finally { $killer | Remove-Job -Force }
        $lines | Should -HaveCount 0
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DliSparkJobFailed,*'
        $failed[0].TargetObject | Should -BeOfType ([DliSession.Client.Models.SparkJob])
        $failed[0].TargetObject.State | Should -BeExactly 'dead'
        $failed[0].TargetObject.Name | Should -BeExactly 'doomed'
        $failed[0].Exception.Message | Should -Match 'is dead'
        $failed[0].Exception.Message | Should -Match 'at com\.example\.Main\.main\(Main\.java:42\)'
        $failed[0].Exception.Message | Should -Match 'IllegalStateException: input missing'
        $failed[0].Exception.LogLines | Should -Contain 'at com.example.Main.main(Main.java:42)'
    }

    It 'stops a runbook with exit code 1 when the job dies, and 0 when it succeeds' {
        $runbook = Join-Path $TestDrive 'nightly.ps1'
        Set-Content -Path $runbook -Value @"
Import-Module '$RepoRoot/out/DliSession/DliSession.psd1'
`$ErrorActionPreference = 'Stop'
`$job = Submit-DliSparkJob -Queue q -File obs://b/app.jar -ClassName com.example.Main -Name `$args[0] -Wait
`$job | Get-DliSparkJobLog -Tail 20
"@
        # The child pwsh finds the emulator through the environment, as a scheduled runbook would.
        $variables = @{ DLI_ENDPOINT = $script:Slow.BaseUri; HUAWEICLOUD_SDK_PROJECT_ID = $script:Slow.ProjectId
            HUAWEICLOUD_SDK_AK = $script:Slow.AccessKey; HUAWEICLOUD_SDK_SK = $script:Slow.SecretKey
            HUAWEICLOUD_SDK_CREDENTIALS_FILE = (Join-Path $TestDrive 'none') }
        $killer = Start-JobKiller $script:Slow -Name 'runbook-dies' -Line 'driver exited with code 1'
        # The same runbook against a job that runs to success, at the same time: the two jobs have their own names.
        $success = Start-ThreadJob -ArgumentList $script:Slow.BaseUri, $script:Slow.ProjectId, $script:Slow.Token {
            param($Base, $Project, $Token)
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            while ([datetime]::UtcNow -lt $deadline) {
                $jobs = (Invoke-RestMethod "$Base/v2.0/$Project/batches?job_name=runbook-ok" -Headers @{ 'X-Auth-Token' = $Token }).sessions
                if ($jobs) { return (Invoke-RestMethod -Method Post "$Base/_emulator/batches/$($jobs[0].id)/state" -ContentType 'application/json' -Body '{"state":"success"}').state }
                Start-Sleep -Milliseconds 50
            }
        }
        $dies = Start-FreshPwsh -Path $runbook -ArgumentList 'runbook-dies' -Environment $variables
        $ok = Start-FreshPwsh -Path $runbook -ArgumentList 'runbook-ok' -Environment $variables
        try {
            $died = Wait-FreshPwsh $dies
            $succeeded = Wait-FreshPwsh $ok
        }
        finally {
            Stop-FreshPwsh $dies
            Stop-FreshPwsh $ok
            $killer, $success | Wait-Job -Timeout 30 | Remove-Job -Force
        }
        $died.ExitCode | Should -Be 1
        $died.Output + $died.Error | Should -Match 'DliSparkJobFailed|is dead'
        $died.Output + $died.Error | Should -Match 'driver exited with code 1'
        $succeeded.ExitCode | Should -Be 0 -Because ($succeeded.Output + $succeeded.Error)
        $succeeded.Output | Should -Not -BeNullOrEmpty
    }
}

Describe 'Wait-DliSparkJob' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'polls each job''s own state URL and writes the job once it has succeeded' {
        $job = Submit-DliSparkJob @Submit
        $done = $job | Wait-DliSparkJob -PollIntervalSec 0.1
        $done.Id | Should -BeExactly $job.Id
        $done.State | Should -BeExactly 'success'
        $polls = Get-ApiRequest $script:Emulator -Method GET -Path "*/batches/$($job.Id)/state"
        $polls.Count | Should -BeGreaterThan 0
        Get-ApiRequest $script:Emulator -Method GET -Path '*/batches' | Should -HaveCount 0 -Because 'waiting polls the job, not the list'
    }

    It 'waits for many jobs at once, one progress bar each' {
        $ids = @(1..3 | ForEach-Object { (Submit-DliSparkJob @Submit -Name "many-$_").Id })
        $shell = [powershell]::Create()
        try {
            $shell.AddScript('param($Module, $Context, $Ids) Import-Module $Module; $Ids | Wait-DliSparkJob -Context $Context -PollIntervalSec 0.1').
                AddArgument("$RepoRoot/out/DliSession/DliSession.psd1").AddArgument($script:Context).AddArgument($ids) | Out-Null
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $written = $shell.Invoke()
            $written | Should -HaveCount 3
            @($written.Id | Sort-Object) | Should -Be @($ids | Sort-Object)
            $activities = @($shell.Streams.Progress | Where-Object RecordType -eq 'Processing' | Select-Object -ExpandProperty ActivityId -Unique)
            $activities | Should -HaveCount 3
            @($shell.Streams.Progress | Where-Object RecordType -eq 'Completed') | Should -HaveCount 3
            $shell.Streams.Error | Should -HaveCount 0
            # Together, not one after another: three 0.6 s jobs take well under three times as long.
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 30
        }
        finally { $shell.Dispose() }
    }

    It 'ends at a state given with -State, compared without case' {
        $job = Submit-DliSparkJob @Submit
        Set-DliEmulatorSparkJobState $script:Emulator -Id $job.Id -State running
        ($job | Wait-DliSparkJob -State RUNNING -PollIntervalSec 0.1).State | Should -BeExactly 'running'
    }

    It 'fails a job that succeeded while another state was wanted with DliSparkJobEnded' {
        $job = Submit-DliSparkJob @Submit
        Set-DliEmulatorSparkJobState $script:Emulator -Id $job.Id -State success
        $failure = Get-Failure { $job | Wait-DliSparkJob -State running -PollIntervalSec 0.1 }
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliSparkJobEnded,*'
        $failure.TargetObject.Id | Should -BeExactly $job.Id
    }

    It 'writes a dead job as an error, unless dead is wanted' {
        $job = Submit-DliSparkJob @Submit
        Set-DliEmulatorSparkJobState $script:Emulator -Id $job.Id -State running
        Invoke-DliEmulatorSparkJobFailure $script:Emulator -Id $job.Id -Line 'the last words' | Should -BeExactly 'dead'
        $failure = Get-Failure { $job | Wait-DliSparkJob -PollIntervalSec 0.1 }
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliSparkJobFailed,*'
        $failure.Exception.LogLines | Should -Contain 'the last words'
        ($job | Wait-DliSparkJob -State dead).State | Should -BeExactly 'dead'
    }

    It 'goes on through recovering while DLI restarts a job with auto_recovery' {
        $job = Submit-DliSparkJob @Submit -AutoRecovery -MaxRetryTimes 1
        Invoke-DliEmulatorSparkJobFailure $script:Emulator -Id $job.Id | Should -BeExactly 'recovering'
        ($job | Wait-DliSparkJob -PollIntervalSec 0.1).State | Should -BeExactly 'success'
        $job | Get-DliSparkJobLog -Index 1 | Should -Not -BeNullOrEmpty
    }

    It 'gives up after -TimeoutSec with DliWaitTimeout, leaving the job running' {
        $job = Submit-DliSparkJob @Submit
        Set-DliEmulatorSparkJobState $script:Emulator -Id $job.Id -State running
        $failure = Get-Failure { $job | Wait-DliSparkJob -TimeoutSec 1 -PollIntervalSec 0.2 }
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliWaitTimeout,*'
        $failure.CategoryInfo.Category | Should -Be 'OperationTimeout'
        (Get-DliSparkJob -Id $job.Id).State | Should -BeExactly 'running'
    }

    It 'writes DLI.0002 for a job that does not exist and still waits for the others' {
        $job = Submit-DliSparkJob @Submit
        $ErrorActionPreference = 'Continue'
        $written = @('6f0c1e39-3f1d-4e59-9a57-000000000000', $job.Id | Wait-DliSparkJob -PollIntervalSec 0.1 -ErrorVariable failed -ErrorAction SilentlyContinue)
        $written | Should -HaveCount 1
        $written[0].Id | Should -BeExactly $job.Id
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DLI.0002,*'
    }

    It 'stops within a second on Ctrl+C' {
        $job = Submit-DliSparkJob @Submit
        Set-DliEmulatorSparkJobState $script:Emulator -Id $job.Id -State running
        $before = (Get-DliEmulatorStats $script:Emulator).requests
        $shell = [powershell]::Create()
        try {
            $shell.AddScript('param($Module, $Context, $Id) Import-Module $Module; Wait-DliSparkJob -Id $Id -Context $Context -PollIntervalSec 30').
                AddArgument("$RepoRoot/out/DliSession/DliSession.psd1").AddArgument($script:Context).AddArgument($job.Id) | Out-Null
            $running = $shell.BeginInvoke()
            Wait-ApiRequest -Emulator $script:Emulator -Before $before
            Start-Sleep -Milliseconds 500   # into the pause between two polls

            $clock = [Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
            $running.IsCompleted | Should -BeTrue
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $shell.Dispose() }
    }
}

Describe 'Stop-DliSparkJob' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'cancels with DELETE, and -PassThru writes the job, dead' {
        $job = Submit-DliSparkJob @Submit
        Set-DliEmulatorSparkJobState $script:Emulator -Id $job.Id -State running
        $stopped = $job | Stop-DliSparkJob -Force -PassThru
        $stopped.Id | Should -BeExactly $job.Id
        $stopped.State | Should -BeExactly 'dead'
        Get-ApiRequest $script:Emulator -Method DELETE -Path "*/batches/$($job.Id)" | Should -HaveCount 1
    }

    It 'sends nothing with -WhatIf, with $WhatIfPreference, or with -Force and either' {
        $job = Submit-DliSparkJob @Submit
        Clear-DliEmulatorJournal $script:Emulator
        $job | Stop-DliSparkJob -WhatIf
        $job | Stop-DliSparkJob -WhatIf -Force
        $WhatIfPreference = $true
        $job | Stop-DliSparkJob
        $job | Stop-DliSparkJob -Force
        $WhatIfPreference = $false
        Get-ApiRequest $script:Emulator -Method DELETE | Should -HaveCount 0
    }

    It 'is ConfirmImpact High, so it asks unless -Force' {
        (Get-Command Stop-DliSparkJob).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It 'writes DLI''s error, not a crash, for a job that has already ended, and goes on with the others' {
        $ended = Submit-DliSparkJob @Submit
        Set-DliEmulatorSparkJobState $script:Emulator -Id $ended.Id -State success
        $running = Submit-DliSparkJob @Submit
        Set-DliEmulatorSparkJobState $script:Emulator -Id $running.Id -State running
        $ErrorActionPreference = 'Continue'
        $ended, $running | Stop-DliSparkJob -Force -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'DLI.0007,*'
        $failed[0].TargetObject | Should -BeExactly $ended.Id
        $failed[0].Exception.Message | Should -Match 'already ended'
        (Get-DliSparkJob -Id $running.Id).State | Should -BeExactly 'dead'
    }
}

Describe 'Get-DliSparkJob' {
    BeforeAll {
        Reset-DliEmulator $script:Emulator
        $script:Jobs = @(1..5 | ForEach-Object { Submit-DliSparkJob @Submit -Name "list-$_" -Queue ($(if ($_ -le 3) { 'qa' } else { 'qb' })) })
        # Every state is forced and held: left to their own lifecycle, the other three are still running for the
        # first 600 ms, and the state filters would see them whenever the tests come that soon.
        Set-DliEmulatorSparkJobState $script:Emulator -Id $script:Jobs[0].Id -State running
        Set-DliEmulatorSparkJobState $script:Emulator -Id $script:Jobs[4].Id -State running
        1..3 | ForEach-Object { Set-DliEmulatorSparkJobState $script:Emulator -Id $script:Jobs[$_].Id -State success }
    }
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'reads a job by id, piped by value or by property name, with its create request readable' {
        $byValue = $script:Jobs[1].Id | Get-DliSparkJob
        $byProperty = $script:Jobs[1] | Get-DliSparkJob
        $byValue.Id | Should -BeExactly $script:Jobs[1].Id
        $byProperty.Id | Should -BeExactly $script:Jobs[1].Id
        $byValue.RequestBody.className | Should -BeExactly 'com.example.Main'
        $byValue.RequestBody.file | Should -BeExactly 'obs://b/app.jar'
        $byValue.RequestBodyJson | Should -Match '"className":"com.example.Main"'
    }

    It 'sends the server-side filters under their SDK names: <Case>' -ForEach @(
        @{ Case = 'name'; Parameters = @{ Name = 'list-2' }; Query = 'job_name=list-2'; Expected = @('list-2') }
        @{ Case = 'queue'; Parameters = @{ Queue = 'qb' }; Query = 'queue_name=qb'; Expected = @('list-4', 'list-5') }
        @{ Case = 'state'; Parameters = @{ State = 'Running' }; Query = 'state=running'; Expected = @('list-1', 'list-5') }
        @{ Case = 'queue and state'; Parameters = @{ Queue = 'qa'; State = 'running' }; Query = 'queue_name=qa'; Expected = @('list-1') }
    ) {
        $found = @(Get-DliSparkJob @Parameters)
        @($found.Name | Sort-Object) | Should -BeExactly $Expected
        (Get-ApiRequest $script:Emulator -Method GET -Path '*/batches')[0].query | Should -Match ([regex]::Escape($Query))
    }

    It 'sends -JobId as job-id, with the hyphen' {
        $found = @(Get-DliSparkJob -JobId $script:Jobs[2].Id)
        $found | Should -HaveCount 1
        $found[0].Id | Should -BeExactly $script:Jobs[2].Id
        (Get-ApiRequest $script:Emulator -Method GET -Path '*/batches')[0].query | Should -Match "[?&]job-id=$($script:Jobs[2].Id)(&|$)"
    }

    It 'sends -Since and -Until as start and end in epoch milliseconds, and -Order as order' {
        $since = [DateTime]::new(2026, 1, 2, 3, 4, 5, [DateTimeKind]::Utc)
        $until = [DateTime]::UtcNow.AddMinutes(5)
        $found = @(Get-DliSparkJob -Since $since -Until $until -Order CreateTimeAsc)
        @($found.Name) | Should -BeExactly @('list-1', 'list-2', 'list-3', 'list-4', 'list-5')
        $query = (Get-ApiRequest $script:Emulator -Method GET -Path '*/batches')[0].query
        $query | Should -Match "[?&]start=$(([DateTimeOffset]$since).ToUnixTimeMilliseconds())(&|$)"
        $query | Should -Match "[?&]end=$(([DateTimeOffset]$until).ToUnixTimeMilliseconds())(&|$)"
        $query | Should -Match '[?&]order=CREATE_TIME_ASC(&|$)'
        @(Get-DliSparkJob -Until $since) | Should -HaveCount 0
        @((Get-DliSparkJob -Order CreateTimeDesc).Name) | Should -BeExactly @('list-5', 'list-4', 'list-3', 'list-2', 'list-1')
    }

    It 'refuses -Since after -Until before sending anything' {
        { Get-DliSparkJob -Since ([datetime]'2026-02-01') -Until ([datetime]'2026-01-01') } | Should -Throw -ErrorId 'DliSinceAfterUntil*'
        Get-ApiRequest $script:Emulator | Should -HaveCount 0
    }

    It 'pages on the server: -Skip as from, -First as size, page after page with -PageSize' {
        @((Get-DliSparkJob -Order CreateTimeAsc -Skip 1 -First 2).Name) | Should -BeExactly @('list-2', 'list-3')
        (Get-ApiRequest $script:Emulator -Method GET -Path '*/batches')[0].query | Should -Match 'from=1&.*size=2'
        Clear-DliEmulatorJournal $script:Emulator
        @(Get-DliSparkJob -PageSize 2) | Should -HaveCount 5
        @((Get-ApiRequest $script:Emulator -Method GET -Path '*/batches').query | ForEach-Object { $_.TrimStart('?') -split '&' -like 'from=*' }) |
            Should -BeExactly @('from=0', 'from=2', 'from=4')
    }

    It 'writes the total first with -IncludeTotalCount' {
        $out = @(Get-DliSparkJob -Queue qa -IncludeTotalCount -First 1)
        $out | Should -HaveCount 2
        $out[0].ToString() | Should -Match '3'
        $out[1] | Should -BeOfType ([DliSession.Client.Models.SparkJob])
    }

    It 'streams: the first job is out before the list ends, and -First stops reading' {
        Reset-DliEmulator $script:Emulator
        1..7 | ForEach-Object { Submit-DliSparkJob @Submit -Name "stream-$_" } | Out-Null
        Clear-DliEmulatorJournal $script:Emulator
        Get-DliSparkJob -PageSize 3 | Select-Object -First 2 | Should -HaveCount 2
        # The first page, and at most the second, asked for ahead while the first was written; never the third.
        @(Get-ApiRequest $script:Emulator -Method GET -Path '*/batches').Count | Should -BeLessOrEqual 2
        Clear-DliEmulatorJournal $script:Emulator
        Get-DliSparkJob -First 2 | Should -HaveCount 2
        # The page read ahead above (size=3) may be answered, and journaled, only after the journal was cleared.
        @((Get-ApiRequest $script:Emulator -Method GET -Path '*/batches').query | Where-Object { $_ -notlike '*size=3' }) |
            Should -BeExactly @('?from=0&size=2')
    }

    It 'writes DLI.0002 for an id that does not exist' {
        $failure = Get-Failure { Get-DliSparkJob -Id '6f0c1e39-3f1d-4e59-9a57-000000000000' }
        $failure.FullyQualifiedErrorId | Should -BeLike 'DLI.0002,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows the id, name, state, queue, compute type, creation time and duration in its table' {
        $table = Get-DliSparkJob -First 1 | Format-Table | Out-String -Width 200
        $table | Should -Match 'Id\s+Name\s+State\s+Queue\s+ScType\s+CreateTime\s+Duration'
    }
}

Describe 'Get-DliSparkJobLog' {
    BeforeAll {
        $script:Logged = Submit-DliSparkJob @Submit -Name 'logged'
        Set-DliEmulatorSparkJobState $script:Emulator -Id $script:Logged.Id -State running
        Add-DliEmulatorSparkJobLog $script:Emulator -Id $script:Logged.Id -Count 2500
        $script:All = @($script:Logged | Get-DliSparkJobLog)
    }
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'streams the whole log in pages of 1000 lines' {
        $lines = @($script:Logged | Get-DliSparkJobLog)
        $lines.Count | Should -BeGreaterThan 2500
        $lines[-1] | Should -BeLike '*emulated log line 2500 of 2500'
        @((Get-ApiRequest $script:Emulator -Method GET -Path '*/log').query) | Should -BeExactly @('?from=0&size=1000', '?from=1000&size=1000', '?from=2000&size=1000')
    }

    It 'writes a range with -From and -Size, and the last lines with -Tail' {
        @($script:Logged | Get-DliSparkJobLog -From 10 -Size 3) | Should -BeExactly $script:All[10..12]
        @($script:Logged | Get-DliSparkJobLog -Tail 4) | Should -BeExactly $script:All[-4..-1]
    }

    It 'sends -Type Driver as type=driver and -Index as index' {
        $script:Logged | Get-DliSparkJobLog -Type Driver -Index 0 -Tail 5 | Out-Null
        (Get-ApiRequest $script:Emulator -Method GET -Path '*/log')[0].query | Should -BeExactly '?index=0&size=5&type=driver'
    }

    It 'writes DLI.0002 for a job that does not exist' {
        $failure = Get-Failure { Get-DliSparkJobLog -Id '6f0c1e39-3f1d-4e59-9a57-000000000000' -Tail 5 }
        $failure.FullyQualifiedErrorId | Should -BeLike 'DLI.0002,*'
    }
}

Describe 'Completion and state checks' {
    BeforeAll {
        $script:Named = Submit-DliSparkJob @Submit -Name 'complete-me' -Queue 'etl_queue'
        function Get-Completion([string] $Line) { (TabExpansion2 $Line $Line.Length).CompletionMatches }
    }

    It 'offers job ids for <Line>, matched by id or by name' -ForEach @(
        @{ Line = 'Get-DliSparkJob -Id ' }
        @{ Line = 'Wait-DliSparkJob -JobId ' }
        @{ Line = 'Stop-DliSparkJob -Id ' }
        @{ Line = 'Get-DliSparkJobLog -Id complete' }
    ) {
        $matched = @(Get-Completion $Line)
        $matched.CompletionText | Should -Contain $script:Named.Id
        ($matched | Where-Object CompletionText -eq $script:Named.Id).ToolTip | Should -BeLike "*'complete-me'*etl_queue*"
    }

    It 'offers job names and queues from the list' {
        @(Get-Completion 'Get-DliSparkJob -Name complete').CompletionText | Should -Be @('complete-me')
        @(Get-Completion 'Submit-DliSparkJob -Queue etl').CompletionText | Should -Be @('etl_queue')
    }

    It 'offers the documented states for -State' {
        @(Get-Completion 'Wait-DliSparkJob -State ').CompletionText | Should -Be @('starting', 'running', 'recovering', 'success', 'dead')
        @(Get-Completion 'Get-DliSparkJob -State r').CompletionText | Should -Be @('running', 'recovering')
    }

    It 'refuses a state DLI does not have, naming the parameter and suggesting the close one, before sending anything' {
        Clear-DliEmulatorJournal $script:Emulator
        { Wait-DliSparkJob -Id $script:Named.Id -State sucess -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentTransformationError,*' -ExpectedMessage "*'sucess' is not a Spark job state. Did you mean 'success'?*"
        { Get-DliSparkJob -State 'run*' -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
        Get-ApiRequest $script:Emulator | Should -HaveCount 0
    }

    It 'takes a state in any case and sends it as documented' {
        Clear-DliEmulatorJournal $script:Emulator
        Get-DliSparkJob -State SUCCESS | Out-Null
        (Get-ApiRequest $script:Emulator -Method GET -Path '*/batches')[0].query | Should -Match '[?&]state=success(&|$)'
    }
}
