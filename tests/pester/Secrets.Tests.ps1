# Plants distinctive secrets, runs every cmdlet (successes and failures) with -Verbose -Debug inside a transcript,
# and looks for the secrets in everything the module produced: every stream, error record, exception, the transcript
# and the objects themselves.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:SecretKey = 'SK-planted-5e1f0c7a9b'
    $script:SecurityToken = 'ST-planted-77d2c4e8aa'
    $script:Token = 'TOKEN-planted-3b9a6f1d20'
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '100', '--statement-ms', '100',
        '--token', $script:Token, '--aksk', "PLANTEDAK:$($script:SecretKey):$($script:SecurityToken)"
    $script:Secrets = @($script:SecretKey, $script:SecurityToken, $script:Token)

    function Get-Everything {
        # Every record and object a script block produced, turned into all the text a user could see or log.
        param([scriptblock] $Script)
        $records = & $Script *>&1
        foreach ($record in $records) {
            $record | Out-String -Width 500
            if ($record -is [System.Management.Automation.ErrorRecord]) {
                $record.ToString()
                $record.Exception.ToString()
                "$($record.TargetObject)"
                $record.ErrorDetails | Out-String
                $record | Format-List * -Force | Out-String -Width 500
            }
            elseif ($record -isnot [string]) {
                $record | Format-List * -Force | Out-String -Width 500
                try { $record | ConvertTo-Json -Depth 4 -WarningAction SilentlyContinue } catch { "$_" }
            }
        }
    }
}
AfterAll { Stop-DliEmulator $script:Emulator }

Describe 'Secret hygiene' {
    It 'shows no secret in any stream, error, transcript or object' {
        $transcript = Join-Path $TestDrive 'transcript.txt'
        $secret = ConvertTo-SecureString $script:SecretKey -AsPlainText -Force
        $securityToken = ConvertTo-SecureString $script:SecurityToken -AsPlainText -Force
        $token = ConvertTo-SecureString $script:Token -AsPlainText -Force
        $wrongSecret = ConvertTo-SecureString 'not-the-key' -AsPlainText -Force
        $base = @{ Endpoint = $script:Emulator.BaseUri; ProjectId = $script:Emulator.ProjectId }
        $credential = [pscredential]::new('PLANTEDAK', $secret)
        $common = @{ Verbose = $true; Debug = $true; ErrorAction = 'Continue' }

        Start-Transcript -Path $transcript | Out-Null
        try {
            $seen = Get-Everything {
                Connect-Dli @base -Token $token -PassThru @common
                Get-DliSession -First 1 @common
                Connect-Dli @base -AccessKey 'PLANTEDAK' -SecretKey $wrongSecret -SecurityToken $securityToken -PassThru @common
                Get-DliSession -First 1 @common                           # fails: wrong secret key
                Connect-Dli @base -Credential $credential -SecurityToken $securityToken -PassThru @common
                Get-DliContext @common
                $session = New-DliSession -ClusterName 'c' -Name 'secret-test' -Conf @{ 'spark.a' = 1 } -Wait @common
                $session
                Get-DliSession -Id $session.Id, 'missing' @common
                Wait-DliSession -Id $session.Id @common
                Get-DliSessionLog -Id $session.Id -Tail 5 @common
                $statement = $session | Invoke-DliStatement -Code 'val a = 1' @common
                $statement
                $session | Invoke-DliStatement -Code 'throw new Exception("x")' @common
                $session | Get-DliStatement @common
                Stop-DliStatement -SessionId $session.Id -Id $statement.Id -PassThru @common
                $session | Remove-DliSession -Force -PassThru @common
                Remove-DliSession -Id $session.Id -Force @common           # fails: already gone
                Disconnect-Dli @common
            }
        }
        finally { Stop-Transcript | Out-Null }

        $everything = ($seen -join "`n") + "`n" + (Get-Content -Raw $transcript) + "`n" + ($Error | ForEach-Object { $_.Exception.ToString() }) -join "`n"
        $everything | Should -Match 'HTTP GET http'            # the trace really ran
        $everything | Should -Match 'DLI.0013'                 # and so did the failure with a wrong key
        $everything | Should -Match 'Authorization: \[redacted\]'
        foreach ($planted in $script:Secrets) { $everything | Should -Not -Match ([regex]::Escape($planted)) }
    }

    It 'keeps secrets out of the context''s ToString and default views' {
        $secret = ConvertTo-SecureString $script:SecretKey -AsPlainText -Force
        $context = Connect-Dli -Endpoint $script:Emulator.BaseUri -ProjectId $script:Emulator.ProjectId -AccessKey 'PLANTEDAK' -SecretKey $secret -PassThru
        $shown = $context.ToString() + ($context | Out-String) + ($context | Format-List | Out-String) + ($context.Credential | Out-String)
        $shown | Should -Match 'PLANTEDAK'
        $shown | Should -Not -Match ([regex]::Escape($script:SecretKey))
    }
}
