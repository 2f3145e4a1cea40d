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

function Wait-Until {
    # Polls -Condition until it returns true; throws naming -What after -TimeoutSec. For a change the emulator makes
    # on its own clock: the test waits exactly as long as it takes, not a fixed sleep a loaded machine may outrun.
    param([Parameter(Mandatory)] [scriptblock] $Condition, [Parameter(Mandatory)] [string] $What, [double] $TimeoutSec = 10)
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSec)
    while (-not (& $Condition)) {
        if ([datetime]::UtcNow -gt $deadline) { throw "Timed out after $TimeoutSec s waiting for $What." }
        Start-Sleep -Milliseconds 50
    }
}

function Get-Failure {
    # Runs the script block, which must write exactly one error and no output, and returns that error record.
    param([scriptblock] $Command)
    # The runner sets 'Stop', which would turn the error into an exception before it can be looked at.
    $ErrorActionPreference = 'Continue'
    $output = @(& $Command 2>&1)
    $output | Should -HaveCount 1
    $output[0] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
    $output[0]
}

function Wait-ApiRequest {
    # Waits until $Emulator has received more API requests than -Before: the journal shows a request only once it is
    # answered, the request counter as soon as it arrives.
    param([Parameter(Mandatory)] $Emulator, [long] $Before)
    Wait-Until { (Get-DliEmulatorStats $Emulator).requests -gt $Before } -What 'the request to reach the emulator'
}

function Start-FreshPwsh {
    # Starts a new pwsh process (no profile, nothing imported, non-interactive) on a script file (-Path, with
    # -ArgumentList) or a command (-Command), with extra environment variables, and returns at once: the process and
    # what it writes to stdout and stderr, read as it comes. Wait-FreshPwsh collects it. Start several where they are
    # independent, so their start-ups overlap. A $null value in -Environment removes that variable.
    param([string] $Path, [string] $Command, [string[]] $ArgumentList = @(), [hashtable] $Environment = @{})
    if ([string]::IsNullOrEmpty($Path) -eq [string]::IsNullOrEmpty($Command)) { throw 'Start-FreshPwsh needs -Path or -Command, not both.' }
    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $what = if ($Path) { @('-File', $Path) + $ArgumentList } else { @('-Command', $Command) }
    foreach ($a in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive') + $what) { $psi.ArgumentList.Add($a) }
    foreach ($name in $Environment.Keys) {
        if ($null -eq $Environment[$name]) { $psi.Environment.Remove($name) | Out-Null } else { $psi.Environment[$name] = [string] $Environment[$name] }
    }
    $psi.Environment['NO_COLOR'] = '1'
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    [pscustomobject]@{
        Process = $process
        What    = if ($Path) { "pwsh -File $Path" } else { 'pwsh -Command' }
        Ended   = $false
        Output  = $process.StandardOutput.ReadToEndAsync()
        Error   = $process.StandardError.ReadToEndAsync()
    }
}

function Wait-FreshPwsh {
    # Waits for a pwsh started by Start-FreshPwsh to end and returns its exit code and what it wrote to stdout and
    # stderr; after -TimeoutSec it ends the process and throws.
    param([Parameter(Mandatory, Position = 0)] $Run, [int] $TimeoutSec = 120)
    try {
        if (-not $Run.Process.WaitForExit($TimeoutSec * 1000)) { throw "$($Run.What) did not finish within $TimeoutSec s." }
        [pscustomobject]@{ ExitCode = $Run.Process.ExitCode; Output = $Run.Output.Result; Error = $Run.Error.Result }
    }
    finally { Stop-FreshPwsh $Run }
}

function Stop-FreshPwsh {
    # Ends a pwsh started by Start-FreshPwsh that is still running (a test that failed before waiting for it) and
    # releases it; one already ended is left alone.
    param([Parameter(Mandatory, Position = 0)] $Run)
    if ($Run.Ended) { return }
    $Run.Ended = $true
    try { if (-not $Run.Process.HasExited) { $Run.Process.Kill($true) } }
    finally { $Run.Process.Dispose() }
}

function Invoke-FreshPwsh {
    # Runs a script file (-Path) or a command (-Command) in a new pwsh (see Start-FreshPwsh) and returns its exit code
    # and what it wrote to stdout and stderr. Use it where a test needs what this process already has loaded out of the
    # way, a different HOME or environment, the host's own output (What-if lines), or an exit code.
    param([string] $Path, [string] $Command, [string[]] $ArgumentList = @(), [hashtable] $Environment = @{}, [int] $TimeoutSec = 120)
    $start = @{ Path = $Path; Command = $Command; ArgumentList = $ArgumentList; Environment = $Environment }
    Wait-FreshPwsh (Start-FreshPwsh @start) -TimeoutSec $TimeoutSec
}

function Invoke-WithRecordingHost {
    # Runs $Script, with $ArgumentList, in a runspace whose host records each confirmation question and answers
    # $Answer ('&No', '&Yes'...), with the built module imported; returns the host, whose Choices are the questions.
    param([Parameter(Mandatory)] [string] $Answer, [Parameter(Mandatory)] [scriptblock] $Script, [object[]] $ArgumentList = @())
    if (-not ('DliSession.Tests.RecordingHost' -as [type])) { Add-Type -Path "$PSScriptRoot/RecordingHost.cs" }
    $recording = [DliSession.Tests.RecordingHost]::new($Answer)
    $runspace = [runspacefactory]::CreateRunspace($recording)
    $runspace.Open()
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    try {
        $null = $shell.AddScript("Import-Module '$RepoRoot/out/DliSession/DliSession.psd1'").AddStatement().AddScript($Script)
        foreach ($argument in $ArgumentList) { $null = $shell.AddArgument($argument) }
        $null = $shell.Invoke()
    }
    finally {
        $shell.Dispose()
        $runspace.Dispose()
    }
    $recording
}
