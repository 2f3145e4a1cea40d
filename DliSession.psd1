@{
    # The repository's manifest imports the module built into out/DliSession (Import-Module ./DliSession.psd1 after build.ps1 Build).
    RootModule           = 'out/DliSession/DliSession.psd1'
    # The module's version, in one place: the assemblies take theirs from this line (Directory.Build.props).
    ModuleVersion        = '0.2.0'
    GUID                 = '5d3c1f7e-8b2a-4c6d-9e4f-0a1b2c3d4e5f'
    Author               = 'The DliSession authors'
    CompanyName          = 'The DliSession authors'
    Copyright            = '(c) 2026 The DliSession authors. MIT License.'
    Description          = 'Binary cmdlets for Huawei Cloud Data Lake Insight (DLI) Spark sessions: create, list, wait for, run statements in and remove sessions through the Livy-derived DLI session API, with AK/SK signing, paging, retries and a local emulator for offline work.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    CmdletsToExport      = @(
        'Connect-Dli'
        'Disconnect-Dli'
        'Get-DliContext'
        'New-DliSession'
        'Get-DliSession'
        'Wait-DliSession'
        'Remove-DliSession'
        'Get-DliSessionLog'
        'Invoke-DliStatement'
        'Get-DliStatement'
        'Stop-DliStatement'
        'Submit-DliSparkJob'
        'Get-DliSparkJob'
        'Wait-DliSparkJob'
        'Stop-DliSparkJob'
        'Get-DliSparkJobLog'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            # No ProjectUri or LicenseUri: the project has no public address yet, and an empty one is refused by
            # Publish-PSResource. The licence ships in the package as LICENSE; the release notes are CHANGELOG.md's latest entry.
            Tags = @('HuaweiCloud', 'DLI', 'Spark', 'Livy', 'DataLakeInsight', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
        }
    }
}
