# Attacks and careless input against the built module, on the wire: a hostile loopback server (HostileServer.psm1)
# records every request it receives, so each test can prove that nothing went where, or carried what, the user did
# not ask for.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    Import-Module "$PSScriptRoot/HostileServer.psm1" -Force
    $script:Server = Start-HostileServer
    $script:Elsewhere = Start-HostileServer
    $script:TokenText = 'hostile-test-token'
    $script:Token = ConvertTo-SecureString $TokenText -AsPlainText -Force
    $script:ModulePath = "$RepoRoot/out/DliSession/DliSession.psd1"
    $script:SessionJson = '{"id":"s1","state":"idle"}'

    function Connect-Hostile {
        # The hostile server as the default context, with an IAM token and project p1.
        Connect-Dli -Endpoint $Server.Uri -ProjectId 'p1' -Token $Token -PassThru
    }

    function Invoke-ModulePwsh {
        # Runs $Script in a fresh pwsh connected to the hostile server (project p1), then writes 'finished'; returns
        # everything it wrote to stdout and stderr, the host's What-if lines included.
        param([Parameter(Mandatory, Position = 0)] [string] $Script, [hashtable] $Environment = @{}, [string] $Endpoint = $Server.Uri)
        $run = Invoke-FreshPwsh -Environment $Environment -Command @"
Import-Module '$ModulePath'
Connect-Dli -Endpoint '$Endpoint' -ProjectId p1 -Token (ConvertTo-SecureString '$TokenText' -AsPlainText -Force)
$Script
'finished'
"@
        $run.Output + $run.Error
    }

    function Get-Errors {
        # Runs the script block and returns the error records it wrote, so no error stops the test.
        param([scriptblock] $Command)
        $ErrorActionPreference = 'Continue'
        @(& $Command 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }
}
AfterAll {
    Disconnect-Dli
    $Server.Dispose()
    $Elsewhere.Dispose()
}

Describe '-Force skips only the prompt' {
    BeforeDiscovery {
        # The commands that delete or cancel: what -WhatIf would say, and the one request a confirmed call sends.
        $script:Destructive = @(
            @{ Command = 'Remove-DliSession -Id s1'; Operation = 'Delete the Spark session and lose its state'; Target = 'session s1'; Request = 'DELETE /v2.0/p1/sessions/s1' }
            @{ Command = 'Stop-DliSparkJob -Id j1'; Operation = 'Cancel the Spark job and lose its work'; Target = 'Spark job j1'; Request = 'DELETE /v2.0/p1/batches/j1' }
        )
    }
    BeforeEach {
        $Server.Reset()
        Set-HostileAnswer $Server -Match '^DELETE ' -Body '{"msg":"deleted"}'
        Set-HostileAnswer $Server -Match '^POST .*/cancel$' -Body '{"msg":"canceled"}'
        Connect-Hostile | Out-Null
    }

    It 'has a row for each command that deletes or cancels' { $Destructive | Should -HaveCount 2 }

    It 'sends nothing from <Command> -Force under $WhatIfPreference and writes the What-if line' -ForEach $Destructive {
        $output = Invoke-ModulePwsh "& { `$WhatIfPreference = `$true; $Command -Force }"
        $output | Should -Match ([regex]::Escape("What if: Performing the operation `"$Operation`" on target `"$Target`""))
        $output | Should -Match 'finished'
        Get-HostileRequest $Server | Should -HaveCount 0
    }

    It 'sends nothing for piped sessions with -Force under $WhatIfPreference' {
        & { $WhatIfPreference = $true; [pscustomobject]@{ Id = 's1' }, [pscustomobject]@{ Id = 's2' } | Remove-DliSession -Force }
        Get-HostileRequest $Server | Should -HaveCount 0
    }

    It 'sends nothing from Stop-DliStatement under $WhatIfPreference' {
        & { $WhatIfPreference = $true; Stop-DliStatement -SessionId s1 -Id 1 }
        Get-HostileRequest $Server | Should -HaveCount 0
    }

    It 'runs <Command> without a prompt with -WhatIf:$false -Force under $WhatIfPreference' -ForEach $Destructive {
        # -NonInteractive turns any prompt into an error, so a prompt cannot go unnoticed.
        $output = Invoke-ModulePwsh "& { `$WhatIfPreference = `$true; $Command -Force -WhatIf:`$false -ErrorAction Stop }"
        $output | Should -Match 'finished'
        $output | Should -Not -Match 'NonInteractive'
        (Get-HostileRequest $Server).ForEach({ "$_" }) | Should -Be @($Request)
    }
}

Describe 'Ids that would change the path' {
    BeforeEach {
        $Server.Reset()
        Set-HostileAnswer $Server -Match '.' -Body '{"msg":"deleted"}'
        Connect-Hostile | Out-Null
    }

    It 'refuses -Id <Shown> before sending anything' -ForEach @(
        @{ Shown = "'.'"; Id = '.' }
        @{ Shown = "'..'"; Id = '..' }
        @{ Shown = 'a slash'; Id = 'a/b' }
        @{ Shown = 'a backslash'; Id = '..\x' }
        @{ Shown = 'an encoded dot segment'; Id = '%2e%2e' }
        @{ Shown = 'CR LF'; Id = "s1`r`nX-Evil: 1" }
        @{ Shown = 'a query'; Id = 's1?x=1' }
        @{ Shown = 'blanks'; Id = '  ' }
    ) {
        { Remove-DliSession -Id $Id -Force } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError*' -ExpectedMessage "*parameter 'Id'*cannot be part of a request URL*"
        Get-HostileRequest $Server | Should -HaveCount 0
    }

    It 'refuses <Command> -SessionId .. before sending anything' -ForEach @(
        @{ Command = 'Invoke-DliStatement'; Run = { Invoke-DliStatement -SessionId '..' -Code '1' -NoWait } }
        @{ Command = 'Get-DliStatement'; Run = { Get-DliStatement -SessionId '..' } }
        @{ Command = 'Stop-DliStatement'; Run = { Stop-DliStatement -SessionId '..' -Id 1 } }
        @{ Command = 'Get-DliSessionLog'; Run = { Get-DliSessionLog -Id '..' } }
    ) {
        $Run | Should -Throw -ErrorId 'ParameterArgumentValidationError*' -ExpectedMessage '*cannot be part of a request URL*'
        Get-HostileRequest $Server | Should -HaveCount 0
    }

    It 'refuses <Command> -Id <Id> naming the parameter, before sending anything' -ForEach @(
        @{ Command = 'Get-DliSparkJob'; Id = '.'; Run = { Get-DliSparkJob -Id '.' } }
        @{ Command = 'Stop-DliSparkJob'; Id = '..'; Run = { Stop-DliSparkJob -Id '..' -Force } }
        @{ Command = 'Wait-DliSparkJob'; Id = '..'; Run = { Wait-DliSparkJob -Id '..' } }
        @{ Command = 'Get-DliSparkJobLog'; Id = '%2e%2e'; Run = { Get-DliSparkJobLog -Id '%2e%2e' } }
    ) {
        $Run | Should -Throw -ErrorId "ParameterArgumentValidationError,*$($Command -replace '-')Command" `
            -ExpectedMessage "*parameter 'Id'*cannot be part of a request URL*"
        Get-HostileRequest $Server | Should -HaveCount 0
    }

    It 'refuses -ProjectId ..' {
        { Connect-Dli -Endpoint $Server.Uri -ProjectId '..' -Token $Token } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'sends no DELETE for a hostile <Noun> list whose ids are . and ..' -ForEach @(
        @{ Noun = 'session'; List = 'sessions'; State = 'idle'; Pipeline = { Get-DliSession | Remove-DliSession -Force } }
        @{ Noun = 'Spark job'; List = 'batches'; State = 'running'; Pipeline = { Get-DliSparkJob | Stop-DliSparkJob -Force } }
    ) {
        Set-HostileAnswer $Server -Match "^GET /v2\.0/p1/$List\?" -Body "{`"total`":2,`"sessions`":[{`"id`":`".`",`"state`":`"$State`"},{`"id`":`"..`",`"state`":`"$State`"}]}"
        $failures = Get-Errors $Pipeline
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'DliResponseWrongShape*'
        $failures[0].Exception.Message | Should -Match 'cannot be used in a request URL'
        (Get-HostileRequest $Server).Method | Should -Be @('GET')
    }

    It 'refuses piped objects whose Id is ..' {
        $failures = Get-Errors { [pscustomobject]@{ Id = '..' } | Remove-DliSession -Force }
        $failures | Should -HaveCount 1
        Get-HostileRequest $Server | Should -HaveCount 0
    }
}

Describe 'Control characters in what goes into headers' {
    BeforeEach {
        $Server.Reset()
        Disconnect-Dli
        $script:SavedFile = $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE
    }
    AfterEach { $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = $SavedFile }

    It 'refuses <Item> holding CR LF, naming it and not its value' -ForEach @(
        @{ Item = '-Token'; Parameters = @{ Token = (ConvertTo-SecureString "t`r`nX-Evil: smuggled" -AsPlainText -Force) } }
        @{ Item = '-AccessKey'; Parameters = @{ AccessKey = "AK`r`nX-Evil: smuggled"; SecretKey = (ConvertTo-SecureString 'sk' -AsPlainText -Force) } }
        @{ Item = '-SecurityToken'; Parameters = @{ AccessKey = 'AK'; SecretKey = (ConvertTo-SecureString 'sk' -AsPlainText -Force)
                SecurityToken = (ConvertTo-SecureString "st`nX-Evil: smuggled" -AsPlainText -Force) } }
        @{ Item = '-SecretKey'; Parameters = @{ AccessKey = 'AK'; SecretKey = (ConvertTo-SecureString "sk`0" -AsPlainText -Force) } }
    ) {
        $thrown = { Connect-Dli -Endpoint $Server.Uri -ProjectId 'p1' @Parameters } | Should -Throw -ErrorId 'DliConnectionUnresolved*' -PassThru
        $thrown.Exception.Message | Should -Match ([regex]::Escape("$Item holds a control character"))
        $thrown.Exception.Message | Should -Not -Match 'smuggled'
        Get-DliContext -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a control character in -ProjectId at binding' {
        { Connect-Dli -Endpoint $Server.Uri -ProjectId "p1`r`nX-Evil: 1" -Token $Token } | Should -Throw -ErrorId 'ParameterArgumentValidationError*'
    }

    It 'refuses a credentials-file value holding CR, naming the key and section' {
        $file = Join-Path $TestDrive 'credentials'
        [IO.File]::WriteAllText($file, "[basic]`nak = AK`nsk = sk`nsecurity_token = st`rX-Evil: smuggled`nproject_id = p1`n")
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = $file
        $thrown = { Connect-Dli -Endpoint $Server.Uri -ProfileName basic } | Should -Throw -ErrorId 'DliConnectionUnresolved*' -PassThru
        $thrown.Exception.Message | Should -Match 'security_token in \[basic\] holds a control character'
        $thrown.Exception.Message | Should -Not -Match 'smuggled'
    }
}

Describe 'Redirects' {
    BeforeEach {
        $Server.Reset()
        $Elsewhere.Reset()
        Connect-Hostile | Out-Null
    }

    It 'follows no <Status> for <Command>, sends nothing elsewhere and names the Location' -ForEach @(
        @{ Status = 302; Command = 'Get-DliSession'; Match = '^GET '; Run = { Get-DliSession -Id s1 } }
        @{ Status = 307; Command = 'New-DliSession'; Match = '^POST '; Run = { New-DliSession -Queue q1 } }
        @{ Status = 308; Command = 'Remove-DliSession'; Match = '^DELETE '; Run = { Remove-DliSession -Id s1 -Force } }
        @{ Status = 303; Command = 'Invoke-DliStatement'; Match = '^POST '; Run = { Invoke-DliStatement -SessionId s1 -Code '1' -NoWait } }
    ) {
        Set-HostileAnswer $Server -Match $Match -Status $Status -Headers "Location: http://user:pw-secret@127.0.0.1:$($Elsewhere.Port)/steal?sig=query-secret"
        $failures = Get-Errors $Run
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'DliRedirectRefused*'
        $failures[0].Exception.Message | Should -Match ([regex]::Escape("http://127.0.0.1:$($Elsewhere.Port)/steal"))
        $failures[0].Exception.Message | Should -Not -Match 'secret'
        Get-HostileRequest $Elsewhere | Should -HaveCount 0
        Get-HostileRequest $Server | Should -HaveCount 1
    }
}

Describe 'Proxies and loopback' {
    BeforeEach {
        $Server.Reset()
        $Elsewhere.Reset()
        Set-HostileAnswer $Server -Match '^GET ' -Body $SessionJson
    }

    It 'sends plain http to <HostName> directly, not through HTTP_PROXY' -ForEach @(
        @{ HostName = 'localhost'; NoProxy = '127.0.0.1' }
        @{ HostName = '127.0.0.1'; NoProxy = '' }
    ) {
        $endpoint = "http://$($HostName):$($Server.Port)"
        $output = Invoke-ModulePwsh -Endpoint $endpoint -Environment @{ HTTP_PROXY = $Elsewhere.Uri; NO_PROXY = $NoProxy } '(Get-DliSession -Id s1 -ErrorAction Stop).Id'
        $output.Trim() -split '\r?\n' | Should -Be @('s1', 'finished')
        Get-HostileRequest $Elsewhere | Should -HaveCount 0
        (Get-HostileRequest $Server).ForEach({ $_.Header('X-Auth-Token') }) | Should -Be @($TokenText)
    }
}

Describe 'User info in the endpoint' {
    BeforeEach { Disconnect-Dli }

    It 'refuses https://user:password@host without echoing it' {
        $thrown = { Connect-Dli -Endpoint 'https://user:pass-secret@dli.example.com' -ProjectId 'p1' -Token $Token } |
            Should -Throw -ErrorId 'DliConnectionUnresolved*' -PassThru
        $thrown.Exception.Message | Should -Match 'user name or password'
        $thrown.Exception.Message | Should -Not -Match 'pass-secret'
        Get-DliContext -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses an endpoint with a <Case>' -ForEach @(
        @{ Case = 'path'; Endpoint = 'https://dli.example.com/base' }
        @{ Case = 'query'; Endpoint = 'https://dli.example.com/?x=1' }
    ) {
        { Connect-Dli -Endpoint $Endpoint -ProjectId 'p1' -Token $Token } | Should -Throw -ErrorId 'DliConnectionUnresolved*' -ExpectedMessage '*path, query or fragment*'
    }
}

Describe 'Runspaces and the default context' {
    BeforeEach {
        $Server.Reset()
        Set-HostileAnswer $Server -Match '^GET ' -Body $SessionJson
        Connect-Hostile | Out-Null
    }

    It 'keeps each runspace''s Connect-Dli to its own requests' {
        $uri = $Server.Uri
        $module = $ModulePath
        1..8 | ForEach-Object -ThrottleLimit 8 -Parallel {
            Import-Module $using:module
            Connect-Dli -Endpoint $using:uri -ProjectId "p$_" -Token (ConvertTo-SecureString "t$_" -AsPlainText -Force)
            foreach ($i in 1..5) { Get-DliSession -Id "s$i" | Out-Null }
        }
        $requests = Get-HostileRequest $Server
        $requests | Should -HaveCount 40
        foreach ($request in $requests) {
            $project = [regex]::Match($request.Target, '^/v2\.0/p(\d)/sessions/s\d$')
            $project.Success | Should -BeTrue
            $request.Header('X-Auth-Token') | Should -Be "t$($project.Groups[1].Value)"
        }
        (Get-DliContext).ProjectId | Should -Be 'p1'
        (Get-DliContext).Endpoint | Should -Be ([uri] $uri)
    }

    It 'serves the runspaces of ForEach-Object -Parallel and Start-ThreadJob with a Connect-Dli made before them' {
        $module = $ModulePath
        1..4 | ForEach-Object -Parallel { Import-Module $using:module; Get-DliSession -Id "s$_" | Out-Null }
        $job = Start-ThreadJob { Import-Module $using:module; Get-DliSession -Id 's5' | Out-Null }
        Receive-Job -Job $job -Wait -AutoRemoveJob
        $requests = Get-HostileRequest $Server
        $requests | Should -HaveCount 5
        $requests.Target | Sort-Object | Should -Be @(1..5 | ForEach-Object { "/v2.0/p1/sessions/s$_" })
        $requests.ForEach({ $_.Header('X-Auth-Token') }) | Should -Be (@($TokenText) * 5)
    }

    It 'drops an item''s connection when ForEach-Object -Parallel reuses its runspace for the next item' {
        $uri = $Server.Uri
        $module = $ModulePath
        $projects = 1..3 | ForEach-Object -ThrottleLimit 1 -Parallel {
            Import-Module $using:module
            if ($_ -eq 1) { Connect-Dli -Endpoint $using:uri -ProjectId 'item1' -Token (ConvertTo-SecureString 'x' -AsPlainText -Force) }
            (Get-DliContext).ProjectId
        }
        $projects | Should -Be @('item1', 'p1', 'p1')
    }
}

Describe 'Error answers the server controls' {
    BeforeEach {
        $Server.Reset()
        Connect-Hostile | Out-Null
    }

    It 'does not take the module''s own id from error_code' {
        Set-HostileAnswer $Server -Match '^GET ' -Status 400 -Body '{"error_code":"DliConnectionUnresolved","error_msg":"spoofed"}'
        $failures = Get-Errors { Get-DliSession -Id s1 }
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'DliHttp400,*'
        $failures[0].Exception.Message | Should -Match "error code 'DliConnectionUnresolved' is not a DLI code"
    }

    It 'keeps a DLI code as the ErrorId' {
        Set-HostileAnswer $Server -Match '^GET ' -Status 400 -Body '{"error_code":"DLI.0002","error_msg":"no such session"}'
        (Get-Errors { Get-DliSession -Id s1 })[0].FullyQualifiedErrorId | Should -BeLike 'DLI.0002,*'
    }

    It 'turns a 100 kB error_code with CR and ESC into a short message of its own id' {
        $code = ('A' * 100000) + "`r`n`e[31m"
        Set-HostileAnswer $Server -Match '^GET ' -Status 400 -Body (@{ error_code = $code; error_msg = "line`r`nforged" } | ConvertTo-Json -Compress)
        $failure = (Get-Errors { Get-DliSession -Id s1 })[0]
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliHttp400,*'
        $failure.Exception.Message.Length | Should -BeLessThan 2500
        $failure.Exception.Message | Should -Not -Match "[`r`n`e]"
    }

    It 'reads at most 64 KiB of a 50 MB error_msg and shows at most 2,000 characters of it' {
        Set-HostileAnswer $Server -Match '^GET ' -Status 400 -Body '{"error_code":"DLI.0001","error_msg":"' -Filler ('x' * 1000) -Repeat 50000 -Tail '"}'
        $failure = (Get-Errors { Get-DliSession -Id s1 })[0]
        $failure.FullyQualifiedErrorId | Should -BeLike 'DliHttp400,*'
        $failure.Exception.Message.Length | Should -BeLessThan 2500
    }

    It 'accepts a JSON answer that starts with a UTF-8 byte order mark' {
        Set-HostileAnswer $Server -Match '^GET ' -Body ([char] 0xFEFF + $SessionJson)
        (Get-DliSession -Id s1).State | Should -Be 'idle'
    }
}

Describe 'Local files' {
    BeforeEach {
        $Server.Reset()
        Set-HostileAnswer $Server -Match '^POST ' -Body '{"id":0,"state":"waiting","code":"1"}'
        Connect-Hostile | Out-Null
        $script:SavedFile = $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE
    }
    AfterEach { $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = $SavedFile }

    It 'refuses -Path <Case> with <ErrorId> before sending' -ForEach @(
        @{ Case = 'on the zero device'; Make = { '/dev/zero' }; ErrorId = 'DliFileNotRegular' }
        @{ Case = 'on a FIFO'; Make = { $fifo = Join-Path $TestDrive 'fifo'; mkfifo $fifo; $fifo }; ErrorId = 'DliFileNotRegular' }
        @{ Case = 'on a 1 MiB file'; Make = { $f = Join-Path $TestDrive 'big.scala'; [IO.File]::WriteAllText($f, 'x' * 1MB); $f }; ErrorId = 'DliFileTooLarge' }
        @{ Case = 'on an empty file'; Make = { $f = Join-Path $TestDrive 'empty.scala'; [IO.File]::WriteAllText($f, ''); $f }; ErrorId = 'DliCodeEmpty' }
        @{ Case = 'on white space only'; Make = { $f = Join-Path $TestDrive 'blank.scala'; [IO.File]::WriteAllText($f, " `n`t`n"); $f }; ErrorId = 'DliCodeEmpty' }
    ) {
        $path = & $Make
        { Invoke-DliStatement -SessionId s1 -Path $path -NoWait } | Should -Throw -ErrorId "$ErrorId*"
        Get-HostileRequest $Server | Should -HaveCount 0
    }

    It 'sends exactly 1,024 characters from a file that ends in a line break' {
        $file = Join-Path $TestDrive 'limit.scala'
        [IO.File]::WriteAllText($file, ('x' * 1024) + "`n")
        Invoke-DliStatement -SessionId s1 -Path $file -NoWait | Out-Null
        $sent = Get-HostileRequest $Server
        $sent | Should -HaveCount 1
        ($sent[0].Body | ConvertFrom-Json).code.Length | Should -Be 1024
    }

    It 'refuses a credentials file that is <Case> with <ErrorId>' -ForEach @(
        @{ Case = 'the zero device'; Make = { '/dev/zero' }; ErrorId = 'DliFileNotRegular' }
        @{ Case = 'over 1 MiB'; Make = { $f = Join-Path $TestDrive 'credentials'; [IO.File]::WriteAllText($f, "[basic]`nak = AK`nsk = SK`n#" + ('x' * 1MB)); $f }; ErrorId = 'DliFileTooLarge' }
    ) {
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = & $Make
        { Connect-Dli -Endpoint $Server.Uri -ProfileName basic } | Should -Throw -ErrorId "$ErrorId*"
    }

    It 'sends a quoted credentials-file value without its quotes' {
        $file = Join-Path $TestDrive 'credentials'
        [IO.File]::WriteAllText($file, "[basic]`nak = `"AKQ`"`nsk = 'secret'`nproject_id = `"p1`"`n")
        $env:HUAWEICLOUD_SDK_CREDENTIALS_FILE = $file
        Set-HostileAnswer $Server -Match '^GET ' -Body $SessionJson
        Connect-Dli -Endpoint $Server.Uri -ProfileName basic
        Get-DliSession -Id s1 | Out-Null
        $sent = Get-HostileRequest $Server
        $sent[0].Target | Should -Be '/v2.0/p1/sessions/s1'
        $sent[0].Header('Authorization') | Should -Match 'Access=AKQ,'
    }
}
