# At the prompt: arguments refused before anything is sent, pipelines that give back what was piped, prompts and
# warnings that say which session, help that shows -WhatIf, and a README whose shell commands paste into bash.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '0', '--statement-ms', '0'
    $script:Context = Connect-TestEmulator $script:Emulator

    function Invoke-HostlessCommand {
        # Runs $Script in a runspace of its own with no host to prompt, and returns the first error it wrote.
        param([Parameter(Mandatory)] [string] $Script)
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$RepoRoot/out/DliSession/DliSession.psd1'; $Script")
            $ps.Invoke() | Out-Null
            $ps.Streams.Error | Select-Object -First 1 -ExpandProperty Exception
        }
        finally { $ps.Dispose() }
    }

    function Get-HostText {
        # What $Script wrote to the host (where -WhatIf lines go), read back from a transcript.
        param([Parameter(Mandatory)] [scriptblock] $Script)
        $path = Join-Path $TestDrive "host-$([guid]::NewGuid()).txt"
        Start-Transcript -Path $path -UseMinimalHeader | Out-Null
        try { & $Script | Out-Null } finally { Stop-Transcript | Out-Null }
        (Get-Content -Raw $path) -replace '\s+', ' '
    }
}
AfterAll { Disconnect-Dli; Stop-DliEmulator $script:Emulator }

Describe 'States are checked before anything is sent' {
    BeforeEach { Clear-DliEmulatorJournal $Emulator }

    It 'refuses a misspelt state for Wait-DliSession, suggesting the right one' {
        { Wait-DliSession -Id 'any' -State 'idel' -TimeoutSec 5 } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,DliSession.Commands.WaitDliSessionCommand' -ExpectedMessage "*'State'*'idel' is not a session state*'idle'*"
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }

    It 'refuses a misspelt state for Get-DliSession' {
        { Get-DliSession -State 'runing' } | Should -Throw -ExpectedMessage "*'runing' is not a session state*"
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }

    It 'takes any case and wildcards in a filter' {
        $session = New-DliSession -Queue 'q' -Name 'state-filter' -Wait
        @(Get-DliSession -State 'IDLE' -Name 'state-filter').Id | Should -Be @($session.Id)
        @(Get-DliSession -State 'id*' -Name 'state-filter').Id | Should -Be @($session.Id)
    }

    It 'takes no wildcard where a wait needs exact states' {
        { Wait-DliSession -Id 'any' -State 'id*' } | Should -Throw -ExpectedMessage "*'id*' is not a session state*"
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }

    It 'waits for a state given in another case' {
        $session = New-DliSession -Queue 'q' -Name 'upper'
        (Wait-DliSession -Id $session.Id -State 'IDLE' -TimeoutSec 30).State | Should -BeExactly 'idle'
    }
}

Describe 'Pipelines give back what was piped' {
    It 'reads a piped statement again, not every statement of its session' {
        $session = New-DliSession -Queue 'q' -Name 'statements' -Wait
        $first = $session | Invoke-DliStatement -Code 'val a = 1'
        $session | Invoke-DliStatement -Code 'val b = 2' | Out-Null
        $again = @($first | Get-DliStatement)
        $again | Should -HaveCount 1
        $again[0].Id | Should -Be $first.Id
        $again[0].SessionId | Should -Be $session.Id
        @($session | Get-DliStatement) | Should -HaveCount 2
    }
}

Describe 'Prompts, What-if lines and progress bars name what was piped in' {
    BeforeAll {
        $script:Nightly = New-DliSession -Queue 'q' -Name 'nightly' -Wait
        $script:Label = "session 'nightly' ($($Nightly.Id.Substring(0, 8))…)"
        $script:Job = Submit-DliSparkJob -Queue 'q' -File 'obs://b/app.jar' -ClassName 'com.example.Main' -Name 'nightly-job'
        $script:Statement = $Nightly | Invoke-DliStatement -Code 'val named = 1'
    }
    BeforeEach { Clear-DliEmulatorJournal $Emulator }

    It 'Remove-DliSession names a piped session, and sends nothing' {
        Get-HostText { $Nightly | Remove-DliSession -WhatIf } | Should -BeLike "*Delete the Spark session and lose its state`" on target `"$Label`"*"
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }

    It 'Remove-DliSession still names a session given by id by its id' {
        Get-HostText { Remove-DliSession -Id $Nightly.Id -WhatIf } | Should -BeLike "*on target `"session $($Nightly.Id)`"*"
        Get-HostText { $Nightly.Id | Remove-DliSession -WhatIf } | Should -BeLike "*on target `"session $($Nightly.Id)`"*"
    }

    It 'Stop-DliSparkJob names a piped job' {
        Get-HostText { $Job | Stop-DliSparkJob -WhatIf } |
            Should -BeLike "*Cancel the Spark job and lose its work`" on target `"Spark job 'nightly-job' ($($Job.Id.Substring(0, 8))…)`"*"
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }

    It 'Invoke-DliStatement names the session piped into it' {
        Get-HostText { $Nightly | Invoke-DliStatement -Code 'val x = 1' -WhatIf } | Should -BeLike "*Run 9 characters of code`" on target `"$Label`"*"
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }

    It 'Stop-DliStatement names the session piped into it, and a piped statement by its session id' {
        Get-HostText { $Nightly | Stop-DliStatement -Id $Statement.Id -WhatIf } | Should -BeLike "*on target `"statement $($Statement.Id) in $Label`"*"
        Get-HostText { $Statement | Stop-DliStatement -WhatIf } | Should -BeLike "*on target `"statement $($Statement.Id) in session $($Nightly.Id)`"*"
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }

    It 'names none of several ids given in one record' {
        Get-HostText { [pscustomobject]@{ Id = 'one', 'two'; Name = 'both' } | Remove-DliSession -WhatIf } |
            Should -BeLike '*on target "session one"*on target "session two"*'
    }

    It 'shows the control characters of a name as escapes, and cuts a long one' {
        $text = Get-HostText { [pscustomobject]@{ Id = 'abcdefghijkl'; Name = "evil`e[2Kname" } | Remove-DliSession -WhatIf }
        $text | Should -BeLike "*on target `"session 'evil\u001b``[2Kname' (abcdefgh…)`"*"
        $text = Get-HostText { [pscustomobject]@{ Id = 'abc'; Name = 'n' * 500 } | Remove-DliSession -WhatIf }
        $text | Should -BeLike "*on target `"session '$('n' * 64)…' (abc)`"*"
    }

    It 'asks about the piped session by name, and sends nothing when the answer is No' {
        $recording = Invoke-WithRecordingHost -Answer '&No' -Script { param($Session) $Session | Remove-DliSession } -ArgumentList $Nightly
        $recording.Choices | Should -HaveCount 1
        $recording.Choices[0].Message | Should -BeLike "*Delete the Spark session and lose its state*$Label*"
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }

    It 'names a piped session or job in the progress bars of <Case>' -ForEach @(
        @{ Case = 'Wait-DliSession'; Script = { param($Session, $Job) $Session | Wait-DliSession }
            Expected = { "Waiting for DLI $Label to be idle" } }
        @{ Case = 'Wait-DliSparkJob'; Script = { param($Session, $Job) $Job | Wait-DliSparkJob -State starting, running, success, dead }
            Expected = { "Waiting for DLI Spark job 'nightly-job' ($($Job.Id.Substring(0, 8))…) to be *" } }
        @{ Case = 'Invoke-DliStatement'; Script = { param($Session, $Job) $Session | Invoke-DliStatement -Code 'val y = 2' }
            Expected = { "Running statement * in DLI $Label" } }
        @{ Case = 'Submit-DliSparkJob -Wait'; Script = { param($Session, $Job) Submit-DliSparkJob -Queue 'q' -File 'obs://b/app.jar' -ClassName 'C' -Name 'waited' -Wait -Context $Session.Context }
            Expected = { "Waiting for DLI Spark job 'waited' (*…) to be success" } }
    ) {
        # A runspace of its own without a host, whose progress records stay in the shell's stream.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript("Import-Module '$RepoRoot/out/DliSession/DliSession.psd1'").AddStatement().AddScript($Script).
                AddArgument($Nightly).AddArgument($Job)
            $null = $shell.Invoke()
            $shell.Streams.Error | Should -BeNullOrEmpty
            $activities = @($shell.Streams.Progress.Activity | Select-Object -Unique)
            $activities | Should -HaveCount 1
            $activities[0] | Should -BeLike (& $Expected)
        }
        finally { $shell.Dispose() }
    }

    It 'offers the hidden name parameter neither to Tab nor in help' {
        foreach ($name in 'Remove-DliSession', 'Stop-DliSparkJob', 'Invoke-DliStatement', 'Stop-DliStatement', 'Wait-DliSession', 'Wait-DliSparkJob') {
            (Get-Command $name).Parameters['Name'].Attributes.DontShow | Should -Contain $true
            # (PowerShell still completes a hidden parameter that is the only match, as for -Na.)
            $line = "$name -"
            @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText) | Should -Not -Contain '-Name'
            @((Get-Help $name -Full).parameters.parameter.name) | Should -Not -Contain 'Name'
        }
    }
}

Describe 'Get-DliContext with no context' {
    It 'returns nothing after Disconnect-Dli when nothing else gives a context' {
        $saved = @(Get-ChildItem env: | Where-Object Name -match '^(DLI_|HUAWEICLOUD_SDK_)')
        try {
            $saved | Remove-Item
            $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = Join-Path $TestDrive 'none'
            Disconnect-Dli
            $Error.Clear()
            Get-DliContext | Should -BeNullOrEmpty
            $Error | Should -BeNullOrEmpty
            (Get-DliContext -Verbose 4>&1) -join ' ' | Should -BeLike '*No DLI credential*'
        }
        finally {
            Remove-Item env:HUAWEICLOUD_SDK_CREDENTIALS_FILE -ErrorAction Ignore
            foreach ($variable in $saved) { Set-Item "env:$($variable.Name)" $variable.Value }
            Connect-Dli -Context $Context
        }
    }
}

Describe 'New-DliSession at the prompt' {
    It 'asks for the queue, the recommended parameter, when none is given' {
        (Get-Command New-DliSession).DefaultParameterSet | Should -Be 'Queue'
        (Invoke-HostlessCommand 'New-DliSession -Name x').Message | Should -BeLike '*missing mandatory parameters: Queue.'
    }

    It 'takes the queue as its first positional argument' {
        Clear-DliEmulatorJournal $Emulator
        New-DliSession 'positional_queue' | Out-Null
        (Get-ApiRequest $Emulator -Method POST)[0].body | Should -BeLike '*"queue":"positional_queue"*'
    }

    It 'warns that -ScType with sizing parameters makes the session CUSTOMIZED' {
        $session = New-DliSession -Queue 'q' -ScType B -DriverMemory 2GB -WarningVariable warned -WarningAction SilentlyContinue
        $session.ScType | Should -BeExactly 'CUSTOMIZED'
        $warned | Should -HaveCount 1
        "$warned" | Should -BeLike '*-ScType B*-DriverMemory*CUSTOMIZED*'
    }

    It 'does not warn for -ScType alone' {
        New-DliSession -Queue 'q' -ScType B -WarningVariable warned | Out-Null
        $warned | Should -BeNullOrEmpty
    }

    It 'shows the name and the sizing as sent in its -WhatIf line' {
        Clear-DliEmulatorJournal $Emulator
        $text = Get-HostText { New-DliSession -Queue etl_queue -Name nightly -ScType B -ExecutorMemory 1.5GB -NumExecutors 3 -WhatIf }
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
        $text | Should -BeLike "*Create Spark session 'nightly' (type B; 3 executors memory 1536m)*queue etl_queue*"
    }

    It 'warns with the id of each session still starting when Ctrl+C stops the wait' {
        # A real pwsh on its own console, stopped by SIGINT as a terminal's Ctrl+C stops it.
        $slow = Start-DliEmulator -ArgumentList '--idle-delay-ms', '600000'
        try {
            $command = "Import-Module '$RepoRoot/out/DliSession/DliSession.psd1'; " +
                "`$k = ConvertTo-SecureString '$($slow.SecretKey)' -AsPlainText -Force; " +
                "Connect-Dli -Endpoint '$($slow.BaseUri)' -ProjectId '$($slow.ProjectId)' -AccessKey '$($slow.AccessKey)' -SecretKey `$k; " +
                'New-DliSession -Queue q -Name slowstart -Wait'
            $child = Start-FreshPwsh -Command $command
            $deadline = [datetime]::UtcNow.AddSeconds(90)
            while (-not (Get-ApiRequest $slow -Method GET -Path '*/state') -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
            Get-ApiRequest $slow -Method GET -Path '*/state' | Should -Not -BeNullOrEmpty -Because 'the wait had begun'
            & kill -INT $child.Process.Id
            $ended = Wait-FreshPwsh $child -TimeoutSec 30
            $created = (Get-ApiRequest $slow -Method GET -Path '*/state')[0].path -replace '^.*/sessions/([^/]+)/state$', '$1'
            $ended.Output -replace '\e\[[0-9;]*m' -replace '\s+', ' ' |
                Should -BeLike "*WARNING: The wait was stopped, but session 'slowstart' (*…) was created and goes on starting. Remove it with: Remove-DliSession -Id $created*"
        }
        finally {
            if ($child) { Stop-FreshPwsh $child }
            Stop-DliEmulator $slow
        }
    }
}

Describe 'Get-DliSession -Name, as built-in Get- cmdlets do' {
    BeforeAll { $script:Named = New-DliSession -Queue 'q' -Name 'named-once' }

    It 'is ObjectNotFound for a plain name that matches nothing' {
        $found = @(Get-DliSession -Name 'nosuch', 'named-once' -ErrorVariable missing -ErrorAction SilentlyContinue)
        $found.Id | Should -Be @($Named.Id)
        $missing | Should -HaveCount 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'DliSessionNameNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $missing[0].TargetObject | Should -Be 'nosuch'
        $missing[0].Exception.Message | Should -Be "No session named 'nosuch' was found."
    }

    It 'is silent for a wildcard that matches nothing' {
        Get-DliSession -Name 'nosuch*' -ErrorVariable missing | Should -BeNullOrEmpty
        $missing | Should -BeNullOrEmpty
    }

    It 'says nothing is missing when -First stopped the listing early' {
        New-DliSession -Queue 'q' -Name 'named-twice' | Out-Null
        @(Get-DliSession -Name 'named-once', 'named-twice' -First 1 -ErrorVariable missing) | Should -HaveCount 1
        $missing | Should -BeNullOrEmpty
    }

    It 'says one line per page under -Verbose' {
        $lines = @(Get-DliSession -PageSize 1 -First 3 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } |
            Where-Object Message -like 'Read 1 sessions from offset *')
        $lines | Should -HaveCount 3
        $lines[1].Message | Should -BeLike 'Read 1 sessions from offset 1 of *.'
    }
}

Describe 'Connect-Dli -Verify' {
    AfterAll { Connect-Dli -Context $Context }

    It 'connects when DLI accepts the credential, with one request' {
        Clear-DliEmulatorJournal $Emulator
        $secret = ConvertTo-SecureString $Emulator.SecretKey -AsPlainText -Force
        Connect-Dli -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $secret -Verify
        Get-ApiRequest $Emulator | Should -HaveCount 1
    }

    It 'sends nothing without -Verify' {
        Clear-DliEmulatorJournal $Emulator
        Connect-Dli -Context $Context
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }

    It 'tells a refused key, and keeps the previous connection' {
        Connect-Dli -Context $Context
        $wrong = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force
        $failure = { Connect-Dli -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $wrong -Verify } |
            Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliCredentialRefused,*'
        $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $failure.Exception.Message | Should -BeLike 'DLI refused the access key pair.*'
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*secret key*'
        (Get-DliContext).AccessKeyId | Should -Be $Emulator.AccessKey
        (Get-DliContext).ProjectId | Should -Be $Emulator.ProjectId
    }

    It 'tells a refused project from a refused key' {
        $secret = ConvertTo-SecureString $Emulator.SecretKey -AsPlainText -Force
        $failure = { Connect-Dli -Endpoint $Emulator.BaseUri -ProjectId 'another-project' -AccessKey $Emulator.AccessKey -SecretKey $secret -Verify } |
            Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliProjectRefused,*'
        $failure.Exception.Message | Should -BeLike "DLI did not accept project 'another-project'*"
        $failure.ErrorDetails.RecommendedAction | Should -BeLike '*-ProjectId*'
        (Get-DliContext).ProjectId | Should -Be $Emulator.ProjectId
    }
}

Describe 'Advice that fits the error' {
    BeforeAll {
        $script:Saved = @(Get-ChildItem env: | Where-Object Name -match '^(DLI_|HUAWEICLOUD_SDK_)')
        $Saved | Remove-Item
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = Join-Path $TestDrive 'none'
        $script:Secret = ConvertTo-SecureString 'secret' -AsPlainText -Force
    }
    AfterAll {
        Remove-Item env:HUAWEICLOUD_SDK_CREDENTIALS_FILE -ErrorAction Ignore
        foreach ($variable in $Saved) { Set-Item "env:$($variable.Name)" $variable.Value }
        Connect-Dli -Context $Context
    }

    It 'advises <Advice> for <Case>' -ForEach @(
        @{ Case = 'a plain http endpoint that is not loopback'; Advice = '*https*'
            Connect = { Connect-Dli -Endpoint 'http://dli.example.com' -ProjectId 'p' -AccessKey 'AK' -SecretKey $Secret } }
        @{ Case = 'a missing project id'; Advice = '*-ProjectId*'
            Connect = { Connect-Dli -Endpoint 'https://dli.example.com' -AccessKey 'AK' -SecretKey $Secret } }
        @{ Case = 'Connect-Dli with nothing to connect with'; Advice = '*-Credential*'
            Connect = { Connect-Dli } }
        @{ Case = 'a missing endpoint'; Advice = '*-Region*'
            Connect = { Connect-Dli -ProjectId 'p' -AccessKey 'AK' -SecretKey $Secret } }
    ) {
        $failure = $Connect | Should -Throw -PassThru
        $failure.ErrorDetails.RecommendedAction | Should -BeLike $Advice
        $failure.ErrorDetails.RecommendedAction | Should -Not -BeLike '*credential: run Connect-Dli again*'
    }

    It 'advises checking key and project together when DLI answers 401' {
        $wrong = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force
        $bad = Connect-Dli -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $wrong -PassThru
        Get-DliSession -Context $bad -ErrorVariable failure -ErrorAction SilentlyContinue
        $failure[0].ErrorDetails.RecommendedAction | Should -BeLike '*Connect-Dli -Verify*'
    }
}

Describe 'Wording of refusals' {
    It 'says which item needs a type: <Expected>' -ForEach @(
        @{ Arguments = @{ Resource = @{ Name = 'x.jar' } }; Expected = "*Each resource needs a Type, for example @{ Name = 'pkg.jar'; Type = 'jar' }*" }
        @{ Arguments = @{ Group = @{ Resources = @() } }; Expected = '*Each group needs a Name*' }
    ) {
        { New-DliSession -Queue 'q' @Arguments } | Should -Throw -ExpectedMessage $Expected
    }

    It 'takes a memory fraction that is whole kilobytes, and says so of one that is not' {
        Clear-DliEmulatorJournal $Emulator
        New-DliSession -Queue 'q' -ExecutorMemory '1.5G' | Out-Null
        (Get-ApiRequest $Emulator -Method POST)[0].body | Should -BeLike '*"executorMemory":"1536m"*'
        { New-DliSession -Queue 'q' -ExecutorMemory '1.3G' } | Should -Throw -ExpectedMessage "*'1.3G' is not a whole number of kilobytes*"
    }

    It 'refuses a -Path file that is <Case>, before sending' -ForEach @(
        @{ Case = 'empty'; Content = '' }
        @{ Case = 'only white space'; Content = "  `n`t " }
    ) {
        $session = New-DliSession -Queue 'q' -Name "path-$Case" -Wait
        $file = Join-Path $TestDrive 'code.scala'
        Set-Content -LiteralPath $file -Value $Content -NoNewline
        Clear-DliEmulatorJournal $Emulator
        { $session | Invoke-DliStatement -Path $file } | Should -Throw -ErrorId 'DliCodeEmpty,*' -ExpectedMessage "*holds no code: it is $Case*"
        Get-ApiRequest $Emulator | Should -BeNullOrEmpty
    }
}

Describe 'Help' {
    BeforeDiscovery {
        Import-Module "$PSScriptRoot/../../out/DliSession/DliSession.psd1" -Force
        $script:ShouldProcess = @(Get-Command -Module DliSession -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') } |
            ForEach-Object { @{ Name = $_.Name } })
    }

    It 'shows -WhatIf and -Confirm in the SYNTAX and PARAMETERS of <Name>' -ForEach $ShouldProcess {
        $help = Get-Help $Name -Full
        foreach ($item in $help.syntax.syntaxItem) { @($item.parameter.name) | Should -Contain 'WhatIf'; @($item.parameter.name) | Should -Contain 'Confirm' }
        @($help.parameters.parameter.name) | Should -Contain 'WhatIf'
        @($help.parameters.parameter.name) | Should -Contain 'Confirm'
    }

    It 'has ShouldProcess cmdlets to check' {
        @(Get-Command -Module DliSession -CommandType Cmdlet | Where-Object { $_.Parameters.ContainsKey('WhatIf') }).Count | Should -BeGreaterOrEqual 4
    }

    It 'fails Get-Help -Online cleanly: there is no online version, and no half link' {
        { Get-Help Remove-DliSession -Online -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidOperation,Microsoft.PowerShell.Commands.GetHelpCommand' -ExpectedMessage '*URI*not specified*'
    }
}

Describe 'README.md shell blocks' {
    BeforeDiscovery {
        $readme = Get-Content -Raw "$PSScriptRoot/../../README.md"
        $script:Lines = @([regex]::Matches(($readme -replace "`r", ''), '(?ms)^```sh\n(.*?)^```') |
            ForEach-Object { $_.Groups[1].Value -split "`n" } | Where-Object { $_.Trim() } | ForEach-Object { @{ Line = $_ } })
    }

    It 'has shell blocks' { $Lines.Count | Should -BeGreaterOrEqual 3 }

    It 'is valid bash: <Line>' -ForEach $Lines {
        $Line | & bash -n
        $LASTEXITCODE | Should -Be 0
    }

    It 'starts the emulator when its command is pasted into bash (on a free port instead of 5080)' {
        $line = @($Lines.Line | Where-Object { $_ -like '*build.ps1 Emulator*' })
        $line | Should -HaveCount 1
        $free = $line[0] -replace '-Port 5080', '-Port 0'
        $free | Should -Not -Be $line[0]
        $psi = [Diagnostics.ProcessStartInfo]::new('setsid', [string[]]@('bash', '-c', $free))
        $psi.WorkingDirectory = $RepoRoot
        $psi.RedirectStandardOutput = $true
        $psi.RedirectStandardError = $true
        $process = [Diagnostics.Process]::Start($psi)
        try {
            $output = [Collections.Generic.List[string]]::new()
            $deadline = [datetime]::UtcNow.AddSeconds(180)
            while ([datetime]::UtcNow -lt $deadline) {
                $read = $process.StandardOutput.ReadLineAsync()
                if (-not $read.Wait(([datetime]$deadline - [datetime]::UtcNow))) { break }
                if ($null -eq $read.Result) { break }
                $output.Add($read.Result)
                if ($read.Result -match '^DLI emulator listening on (http://127\.0\.0\.1:\d+) ') { break }
            }
            $listening = $output | Where-Object { $_ -match '^DLI emulator listening on http://127\.0\.0\.1:\d+ project ' }
            $listening | Should -Not -BeNullOrEmpty -Because "bash printed: $($output -join "`n") $($process.StandardError.ReadToEndAsync().Wait(1000))"
        }
        finally {
            # setsid made bash the leader of its own process group: end the group, emulator included.
            if (-not $process.HasExited) { & kill -TERM -- "-$($process.Id)" 2>$null; $null = $process.WaitForExit(10000) }
            if (-not $process.HasExited) { $process.Kill($true) }
            $process.Dispose()
        }
    }
}
