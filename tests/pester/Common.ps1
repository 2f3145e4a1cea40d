# Dot-sourced by every test file's BeforeAll: imports the built module and the emulator helpers, starts an
# emulator on a free loopback port and connects to it with a signed (AK/SK) context.
$RepoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
Import-Module "$RepoRoot/out/DliSession/DliSession.psd1" -Force
Import-Module "$PSScriptRoot/DliEmulator.psm1" -Force

function Connect-TestEmulator {
    # A signed context for $Emulator, made the default unless -NoDefault; -Parameter adds Connect-Dli parameters.
    param([Parameter(Mandatory)] $Emulator, [switch] $NoDefault, [hashtable] $Parameter = @{})
    $secret = ConvertTo-SecureString $Emulator.SecretKey -AsPlainText -Force
    $context = Connect-Dli -Endpoint $Emulator.BaseUri -ProjectId $Emulator.ProjectId -AccessKey $Emulator.AccessKey -SecretKey $secret -PassThru @Parameter
    if ($NoDefault) { Disconnect-Dli }
    $context
}

function Get-ApiRequest {
    # The API requests the emulator received since the journal was last cleared, optionally of one method.
    param([Parameter(Mandatory)] $Emulator, [string] $Method = '*', [string] $Path = '*')
    @(Get-DliEmulatorJournal $Emulator | Where-Object { $_.method -like $Method -and $_.path -like $Path })
}
