BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '200'
    Connect-TestEmulator $script:Emulator | Out-Null

    function Get-CreateBody {
        # The JSON body of the only create request sent since the journal was cleared, as a hashtable.
        $posts = Get-ApiRequest $script:Emulator -Method POST -Path '*/sessions'
        $posts | Should -HaveCount 1
        $posts[0].body | ConvertFrom-Json -AsHashtable
    }
}
AfterAll { Stop-DliEmulator $script:Emulator }

Describe 'New-DliSession' {
    BeforeEach { Clear-DliEmulatorJournal $script:Emulator }

    It 'sends every parameter under its documented JSON name and type' {
        $session = New-DliSession -ClusterName 'test_cluster' -ScType B -Jar 'g/a.jar', 'g/b.jar' -PyFile 'g/p.py' -File 'g/f.txt' `
            -Module 'sys.datasource.rds' -Resource @{ Name = 'group.tesddws/gsjdbc3.jar'; Type = 'jar' } `
            -Group @{ Name = 'group.tesddws'; Resources = @(@{ Name = 'gsjdbc2.jar'; Type = 'jar' }) } `
            -Conf @{ 'spark.sql.shuffle.partitions' = 200; 'spark.dynamicAllocation.enabled' = $true; 'spark.app.tag' = 'x' } `
            -Name 'etl-1' -HeartbeatTimeoutInSecond 600 -DriverMemory 2GB -DriverCores 2 -ExecutorMemory '4096 MB' `
            -ExecutorCores 3 -NumExecutors 5
        $body = Get-CreateBody
        $body.Keys | Sort-Object | Should -Be @('cluster_name', 'conf', 'driverCores', 'driverMemory', 'executorCores',
            'executorMemory', 'files', 'groups', 'heartbeatTimeoutInSecond', 'jars', 'kind', 'modules', 'name', 'numExecutors',
            'pyFiles', 'resources', 'sc_type')
        $body.kind | Should -BeExactly 'spark'
        $body.cluster_name | Should -BeExactly 'test_cluster'
        $body.sc_type | Should -BeExactly 'B'
        $body.jars | Should -Be @('g/a.jar', 'g/b.jar')
        $body.pyFiles | Should -Be @('g/p.py')
        $body.files | Should -Be @('g/f.txt')
        $body.modules | Should -Be @('sys.datasource.rds')
        $body.resources[0].name | Should -BeExactly 'group.tesddws/gsjdbc3.jar'
        $body.resources[0].type | Should -BeExactly 'jar'
        $body.groups[0].name | Should -BeExactly 'group.tesddws'
        $body.groups[0].resources[0].name | Should -BeExactly 'gsjdbc2.jar'
        $body.conf['spark.sql.shuffle.partitions'] | Should -BeExactly '200'
        $body.conf['spark.dynamicAllocation.enabled'] | Should -BeExactly 'true'
        $body.name | Should -BeExactly 'etl-1'
        $body.heartbeatTimeoutInSecond | Should -BeOfType [long]
        $body.heartbeatTimeoutInSecond | Should -Be 600
        $body.driverMemory | Should -BeExactly '2g'
        $body.executorMemory | Should -BeExactly '4096m'
        $body.driverCores | Should -Be 2
        $body.executorCores | Should -Be 3
        $body.numExecutors | Should -Be 5
        $session.ScType | Should -BeExactly 'CUSTOMIZED'
    }

    It 'sends only kind and the cluster when nothing else is given, and no nulls' {
        New-DliSession -ClusterName 'c1' | Out-Null
        $posts = Get-ApiRequest $script:Emulator -Method POST -Path '*/sessions'
        $posts[0].body | Should -BeExactly '{"kind":"spark","cluster_name":"c1"}'
    }

    It 'sends queue and not cluster_name in the Queue parameter set' {
        New-DliSession -Queue 'q1' | Out-Null
        $body = Get-CreateBody
        $body.queue | Should -BeExactly 'q1'
        $body.ContainsKey('cluster_name') | Should -BeFalse
    }

    It 'sends -ScType in capitals, the only spelling DLI takes, as Submit-DliSparkJob does' {
        $session = New-DliSession -Queue 'q1' -ScType b
        (Get-CreateBody).sc_type | Should -BeExactly 'B'
        $session.ScType | Should -BeExactly 'B'
    }

    It 'returns a typed session with the documented fields' {
        $session = New-DliSession -ClusterName 'c1' -Name 'typed'
        $session | Should -BeOfType ([DliSession.Client.Models.SparkSession])
        [guid]::Parse($session.Id) | Should -Not -BeNullOrEmpty
        $session.State | Should -BeExactly 'starting'
        $session.Kind | Should -BeExactly 'spark'
        $session.CreateTime | Should -BeOfType ([DateTimeOffset])
        $session.UpdateTime | Should -BeNullOrEmpty
        $session.ProjectId | Should -BeExactly $script:Emulator.ProjectId
        $session.Context.Endpoint | Should -Be ([uri]$script:Emulator.BaseUri)
    }

    It 'accepts memory as <Value> and sends <Sent>' -ForEach @(
        @{ Value = '2G'; Sent = '2g' }
        @{ Value = '2GB'; Sent = '2g' }
        @{ Value = '2048M'; Sent = '2048m' }
        @{ Value = '2048 MB'; Sent = '2048m' }
        @{ Value = 1536MB; Sent = '1536m' }
        @{ Value = 3GB; Sent = '3g' }
    ) {
        New-DliSession -ClusterName 'c1' -DriverMemory $Value | Out-Null
        (Get-CreateBody).driverMemory | Should -BeExactly $Sent
    }

    It 'rejects <Case> before sending anything, naming the parameter' -ForEach @(
        @{ Case = 'memory without a unit'; Splat = @{ DriverMemory = '2' }; Parameter = 'DriverMemory' }
        @{ Case = 'memory in an unknown unit'; Splat = @{ ExecutorMemory = '2 parsecs' }; Parameter = 'ExecutorMemory' }
        @{ Case = 'a name over 128 characters'; Splat = @{ Name = 'n' * 129 }; Parameter = 'Name' }
        @{ Case = 'an unknown sc_type'; Splat = @{ ScType = 'D' }; Parameter = 'ScType' }
        @{ Case = 'an unknown kind'; Splat = @{ Kind = 'pyspark' }; Parameter = 'Kind' }
        @{ Case = 'zero driver cores'; Splat = @{ DriverCores = 0 }; Parameter = 'DriverCores' }
        @{ Case = 'a negative heartbeat timeout'; Splat = @{ HeartbeatTimeoutInSecond = -1 }; Parameter = 'HeartbeatTimeoutInSecond' }
        @{ Case = 'a resource without a type'; Splat = @{ Resource = @{ Name = 'a.jar' } }; Parameter = 'Resource' }
        @{ Case = 'a nested conf value'; Splat = @{ Conf = @{ a = @{ b = 1 } } }; Parameter = 'Conf' }
    ) {
        { New-DliSession -ClusterName 'c1' @Splat -ErrorAction Stop } | Should -Throw -ExpectedMessage "*$Parameter*"
        Get-ApiRequest $script:Emulator | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        New-DliSession -ClusterName 'c1' -Name 'whatif' -WhatIf | Should -BeNullOrEmpty
        Get-ApiRequest $script:Emulator | Should -BeNullOrEmpty
    }

    It 'takes cluster and name from the pipeline by property name' {
        $created = [pscustomobject]@{ ClusterName = 'piped_cluster'; Name = 'piped' } | New-DliSession
        $created.Name | Should -BeExactly 'piped'
        (Get-CreateBody).cluster_name | Should -BeExactly 'piped_cluster'
    }

    It 'turns a DLI error body into an error record with the DLI code, category and message' {
        Add-DliEmulatorFault $script:Emulator @{ method = 'POST'; path = '/v2.0/*/sessions'; count = 1; status = 400
            contentType = 'application/json'; body = '{"error_code":"DLI.0001","error_msg":"There is no queue named nowhere"}' }
        New-DliSession -Queue 'nowhere' -ErrorVariable failure -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failure | Should -HaveCount 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'DLI.0001,*'
        $failure[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure[0].Exception.Message | Should -BeLike '*There is no queue named nowhere*'
        $failure[0].Exception.ErrorCode | Should -BeExactly 'DLI.0001'
        $failure[0].Exception.StatusCode | Should -Be 400
    }
}
