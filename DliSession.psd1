@{
    RootModule           = 'DliSession.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '5d3c1f7e-8b2a-4c6d-9e4f-0a1b2c3d4e5f'
    Author               = 'DliSession contributors'
    CompanyName          = 'DliSession contributors'
    Copyright            = '(c) DliSession contributors. MIT License.'
    Description          = 'Binary cmdlets for Huawei Cloud Data Lake Insight (DLI) Spark sessions: create, list, wait for, run statements in and remove sessions through the Livy-derived DLI session API, with AK/SK signing, paging, retries and a local emulator for offline work.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('DliSession.Format.ps1xml')
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
            Tags       = @('HuaweiCloud', 'DLI', 'Spark', 'Livy', 'DataLakeInsight', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
            ProjectUri = ''
        }
    }
}
