# What the module writes reads well: tables fit 80 columns, and CSV keeps the log and application details.
BeforeAll {
    . "$PSScriptRoot/Common.ps1"
    $script:Emulator = Start-DliEmulator -ArgumentList '--idle-delay-ms', '0', '--statement-ms', '0'
    $script:Context = Connect-TestEmulator $script:Emulator
}
AfterAll { Disconnect-Dli; Stop-DliEmulator $script:Emulator }

Describe 'Tables at 80 columns' {
    It 'shows a customized session with its sizing and creation time whole' {
        $session = New-DliSession -Queue 'analytics_queue' -Name 'nightly-aggregation-run' -ScType B -DriverMemory 2GB -WarningAction SilentlyContinue
        $created = $session.CreateTime.LocalDateTime.ToString('yyyy-MM-dd HH:mm')
        $lines = (Get-DliSession -Id $session.Id | Format-Table | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() }
        $lines[0] | Should -Match 'ScType\s+CreateTime$'
        $row = $lines | Where-Object { $_.StartsWith($session.Id.Substring(0, 8)) }
        $row | Should -HaveCount 1
        $row | Should -Match "\bCUSTOMIZED\s+$([regex]::Escape($created))$"
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }

    It 'shows a Spark job with its sizing, creation time and duration whole' {
        $job = Submit-DliSparkJob -Queue 'analytics_queue' -Name 'nightly-aggregation-job' -File 'obs://b/app.jar' -ClassName 'com.example.Main' -ScType B
        $created = $job.CreateTime.LocalDateTime.ToString('yyyy-MM-dd HH:mm')
        $lines = (Get-DliSparkJob -Id $job.Id | Format-Table | Out-String -Width 80) -split '\r?\n' | Where-Object { $_.Trim() }
        $lines[0] | Should -Match 'ScType\s+CreateTime\s+Duration$'
        $row = $lines | Where-Object { $_.StartsWith($job.Id.Substring(0, 8)) }
        $row | Should -HaveCount 1
        $row | Should -Match "\bB\s+$([regex]::Escape($created))\b"
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
    }
}

Describe 'CSV' {
    It 'keeps the log lines and application details of a session' {
        $session = New-DliSession -Queue 'q' -Name 'csv' -Wait
        Add-DliEmulatorLog $Emulator -Id $session.Id -Count 2
        $session = Get-DliSession -Id $session.Id
        $session.Log.Count | Should -BeGreaterThan 1
        $session.AppInfo.Count | Should -BeGreaterThan 0

        $path = Join-Path $TestDrive 'sessions.csv'
        $session | Export-Csv -Path $path
        $row = Import-Csv -Path $path
        $row.Log | Should -BeExactly ($session.Log -join "`n")
        $row.AppInfo | Should -BeExactly (($session.AppInfo.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join '; ')
        Get-Content -Raw $path | Should -Not -Match 'System\.'
    }

    It 'keeps the log lines of a Spark job' {
        $job = Submit-DliSparkJob -Queue 'q' -Name 'csv-job' -File 'obs://b/app.jar' -ClassName 'com.example.Main'
        Add-DliEmulatorSparkJobLog $Emulator -Id $job.Id -Count 2
        $job = Get-DliSparkJob -Id $job.Id
        $job.Log.Count | Should -BeGreaterThan 1
        ($job | ConvertTo-Csv | ConvertFrom-Csv).Log | Should -BeExactly ($job.Log -join "`n")
    }

    It 'still lets the log be read line by line' {
        $session = Get-DliSession -Name 'csv'
        $session.Log[0] | Should -BeOfType [string]
        @($session.Log).Count | Should -Be $session.Log.Count
    }
}

Describe 'Log lines say where they came from' {
    BeforeAll {
        $script:Sessions = @('log-source-a', 'log-source-b') | ForEach-Object { New-DliSession -Queue 'q' -Name $_ -Wait }
        foreach ($s in $Sessions) { Add-DliEmulatorLog $Emulator -Id $s.Id -Count 2 }
    }

    It 'gives each piped session''s lines its SessionId, as strings' {
        $lines = @($Sessions | Get-DliSessionLog -Tail 1)
        $lines | Should -HaveCount 2
        $lines[0].SessionId | Should -Be $Sessions[0].Id
        $lines[1].SessionId | Should -Be $Sessions[1].Id
        $lines | ForEach-Object { $_ | Should -BeOfType [string] }
        $lines[0] | Should -BeExactly (Get-DliSessionLog -Id $Sessions[0].Id -Tail 1)
    }

    It 'shows the session in front of each line when several are read' {
        $text = Get-DliSessionLog -Id $Sessions.Id -Tail 1 | Out-String -Width 200
        foreach ($s in $Sessions) {
            $line = Get-DliSessionLog -Id $s.Id -Tail 1
            $text | Should -Match "(?m)^$([regex]::Escape($s.Id.Substring(0, 8)))\S*\s+$([regex]::Escape($line.Trim()))"
        }
    }

    It 'shows bare lines for one session' {
        $line = Get-DliSessionLog -Id $Sessions[0].Id -Tail 1
        $line.SessionId | Should -Be $Sessions[0].Id
        (Get-DliSessionLog -Id $Sessions[0].Id -Tail 1 | Out-String).Trim() | Should -BeExactly "$line".Trim()
    }

    It 'gives Spark job lines their JobId the same way' {
        $jobs = @('log-job-a', 'log-job-b') | ForEach-Object { Submit-DliSparkJob -Queue 'q' -Name $_ -File 'obs://b/app.jar' -ClassName 'com.example.Main' }
        $lines = @(Get-DliSparkJobLog -Id $jobs.Id -Tail 1)
        $lines | Should -HaveCount 2
        $lines.JobId | Should -Be $jobs.Id
        $lines | ForEach-Object { $_ | Should -BeOfType [string] }
        $text = $lines | Out-String -Width 250
        $text | Should -Match "(?m)^$([regex]::Escape($jobs[1].Id.Substring(0, 8)))\S*\s+$([regex]::Escape($lines[1].Trim()))"
    }
}
