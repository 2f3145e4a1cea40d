# Test support for Pester: starts the DLI emulator as a child process and drives its control API.
# Used only by tests; not shipped with the module.

Set-StrictMode -Version Latest

function Start-DliEmulator {
    <#
    .SYNOPSIS
    Starts the DLI emulator on a free loopback port and returns how to reach it.
    #>
    [CmdletBinding()]
    param(
        [string] $Path = (Join-Path $PSScriptRoot '../../out/emulator/DliSession.Emulator.dll'),
        [string[]] $ArgumentList = @()
    )
    if (-not (Test-Path -LiteralPath $Path)) { throw "Emulator not found at '$Path'; publish src/DliSession.Emulator to out/emulator first." }

    $psi = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @((Resolve-Path -LiteralPath $Path).Path, '--urls', 'http://127.0.0.1:0') + $ArgumentList) { $psi.ArgumentList.Add($a) }
    $psi.RedirectStandardOutput = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)

    # The first stdout line names the port really bound; waiting for it means the emulator is ready.
    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait(15000) -or $line.Result -notmatch '^DLI emulator listening on (\S+) project (\S+)$') {
        $seen = if ($line.IsCompleted) { $line.Result } else { '<nothing>' }
        if (-not $process.HasExited) { $process.Kill($true) }
        $process.Dispose()
        throw "The DLI emulator did not start: $seen"
    }

    # Credentials as the emulator will accept them: the last switch or the default.
    $token = 'emulator-token'; $accessKey = 'EMULATORAK'; $secretKey = 'emulator-secret-key'
    for ($i = 0; $i -lt $ArgumentList.Count - 1; $i++) {
        switch ($ArgumentList[$i]) {
            '--token' { $token = $ArgumentList[$i + 1] }
            '--aksk' { $parts = $ArgumentList[$i + 1].Split(':'); $accessKey = $parts[0]; $secretKey = $parts[1] }
        }
    }
    [pscustomobject]@{
        PSTypeName = 'DliEmulator'
        Process    = $process
        BaseUri    = $Matches[1]
        ProjectId  = $Matches[2]
        Token      = $token
        AccessKey  = $accessKey
        SecretKey  = $secretKey
    }
}

function Stop-DliEmulator {
    <#
    .SYNOPSIS
    Asks the emulator to shut down, then kills its process tree if it is still alive.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    $process = $Emulator.Process
    try {
        if (-not $process.HasExited) {
            try { Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)/_emulator/shutdown" -TimeoutSec 5 | Out-Null } catch { Write-Verbose "shutdown request failed: $_" }
            if (-not $process.WaitForExit(5000)) { $process.Kill($true); $process.WaitForExit(5000) | Out-Null }
        }
    }
    finally { $process.Dispose() }
}

function Invoke-DliEmulatorControl {
    param($Emulator, [string] $Method, [string] $Path, $Body)
    $arguments = @{ Method = $Method; Uri = "$($Emulator.BaseUri)/_emulator/$Path" }
    if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Depth 10 -Compress); $arguments.ContentType = 'application/json' }
    Invoke-RestMethod @arguments
}

function Get-DliEmulatorJournal {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [long] $Since = 0)
    (Invoke-DliEmulatorControl $Emulator Get "journal?since=$Since").entries
}

function Clear-DliEmulatorJournal {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    Invoke-DliEmulatorControl $Emulator Delete 'journal' | Out-Null
}

function Add-DliEmulatorFault {
    <#
    .SYNOPSIS
    Makes the next matching API requests fail, e.g. @{ method = 'GET'; path = '/v2.0/*/sessions/*'; count = 2; status = 503 }.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Mandatory, Position = 1)] [hashtable] $Fault)
    (Invoke-DliEmulatorControl $Emulator Post 'faults' $Fault).id
}

function Clear-DliEmulatorFault {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    Invoke-DliEmulatorControl $Emulator Delete 'faults' | Out-Null
}

function Set-DliEmulatorSessionState {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $State)
    Invoke-DliEmulatorControl $Emulator Post "sessions/$([uri]::EscapeDataString($Id))/state" @{ state = $State } | Out-Null
}

function Add-DliEmulatorLog {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [int] $Count)
    Invoke-DliEmulatorControl $Emulator Post "sessions/$([uri]::EscapeDataString($Id))/log" @{ count = $Count } | Out-Null
}

function Set-DliEmulatorSparkJobState {
    <#
    .SYNOPSIS
    Puts a Spark batch job in a state (starting, running, recovering, success, dead) and holds it there.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Mandatory)] [string] $Id, [Parameter(Mandatory)] [string] $State)
    Invoke-DliEmulatorControl $Emulator Post "batches/$([uri]::EscapeDataString($Id))/state" @{ state = $State } | Out-Null
}

function Invoke-DliEmulatorSparkJobFailure {
    <#
    .SYNOPSIS
    Makes a Spark batch job's driver fail now: its log gets -Line, then an ERROR line with -Reason. The job is dead,
    or recovering when it has auto_recovery and retries left. Returns the state it is in afterwards.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator, [Parameter(Mandatory)] [string] $Id, [string] $Reason, [string[]] $Line)
    $body = @{}
    if ($Reason) { $body.reason = $Reason }
    if ($Line) { $body.lines = @($Line) }
    (Invoke-DliEmulatorControl $Emulator Post "batches/$([uri]::EscapeDataString($Id))/fail" $body).state
}

function Add-DliEmulatorSparkJobLog {
    <#
    .SYNOPSIS
    Appends log lines to a Spark batch job's running driver: the given -Line, or -Count generated ones.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Line')]
    param(
        [Parameter(Mandatory, Position = 0)] $Emulator,
        [Parameter(Mandatory)] [string] $Id,
        [Parameter(Mandatory, ParameterSetName = 'Line')] [string[]] $Line,
        [Parameter(Mandatory, ParameterSetName = 'Count')] [int] $Count
    )
    $body = if ($PSCmdlet.ParameterSetName -eq 'Line') { @{ lines = @($Line) } } else { @{ count = $Count } }
    Invoke-DliEmulatorControl $Emulator Post "batches/$([uri]::EscapeDataString($Id))/log" $body | Out-Null
}

function Reset-DliEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    Invoke-DliEmulatorControl $Emulator Post 'reset' | Out-Null
}

function Get-DliEmulatorStats {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    Invoke-DliEmulatorControl $Emulator Get 'stats'
}

Export-ModuleMember -Function Start-DliEmulator, Stop-DliEmulator, Get-DliEmulatorJournal, Clear-DliEmulatorJournal,
    Add-DliEmulatorFault, Clear-DliEmulatorFault, Set-DliEmulatorSessionState, Add-DliEmulatorLog, Set-DliEmulatorSparkJobState,
    Invoke-DliEmulatorSparkJobFailure, Add-DliEmulatorSparkJobLog, Reset-DliEmulator, Get-DliEmulatorStats
