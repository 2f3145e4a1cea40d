# What the module writes reads well: tables fit 80 columns.
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
