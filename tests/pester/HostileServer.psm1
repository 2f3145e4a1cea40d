# Test support for attack tests: a hostile loopback HTTP server (HostileServer.cs) that records raw requests and
# answers from scripted rules or with endless list and log pages, and a child pwsh for what only a fresh process shows (the What-if line on the host,
# a proxy read from the environment at start-up). Used only by tests; not shipped with the module.

Set-StrictMode -Version Latest

if (-not ('DliSession.Tests.HostileServer' -as [type])) {
    Add-Type -Path (Join-Path $PSScriptRoot 'HostileServer.cs')
}

function Start-HostileServer {
    # A new hostile server on a free 127.0.0.1 port; Uri is its base address.
    $server = [DliSession.Tests.HostileServer]::new()
    $server | Add-Member -NotePropertyName Uri -NotePropertyValue "http://127.0.0.1:$($server.Port)" -PassThru
}

function Set-HostileAnswer {
    # Answers requests whose "METHOD target" matches the regex -Match with -Status, -Body and raw -Headers lines;
    # -Repeat sends the body that many times (large bodies without a large string). The last rule set wins.
    param(
        [Parameter(Mandatory, Position = 0)] $Server,
        [Parameter(Mandatory)] [string] $Match,
        [int] $Status = 200,
        [string] $Body = '',
        [string] $Headers = '',
        [long] $Repeat = 1
    )
    $Server.Answer($Match, $Status, $Body, $Headers, $Repeat)
}

function Set-HostileEndlessAnswer {
    # Answers requests whose "METHOD target" matches -Match with list and log pages that never end: each page is full
    # of new items and reports a larger total than the page before. Which pages were asked for shows in
    # Get-HostileRequest (log pages have targets like */log*).
    param(
        [Parameter(Mandatory, Position = 0)] $Server,
        [string] $Match = '^GET '
    )
    $Server.AnswerEndlessPages($Match)
}

function Get-HostileRequest {
    # The requests the server received, in order, as recorded on the socket.
    param([Parameter(Mandatory, Position = 0)] $Server)
    @($Server.Requests.ToArray())
}

function Invoke-ChildPwsh {
    # Runs -Script in a fresh pwsh with the built module imported and -Environment set, and returns everything it
    # wrote to stdout and stderr as one string (the host's What-if lines included).
    param(
        [Parameter(Mandatory, Position = 0)] [string] $Script,
        [hashtable] $Environment = @{}
    )
    $module = (Resolve-Path "$PSScriptRoot/../../out/DliSession/DliSession.psd1").Path
    $psi = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    $psi.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll'))
    foreach ($a in '-NoProfile', '-NonInteractive', '-Command', "Import-Module '$module'; $Script") { $psi.ArgumentList.Add($a) }
    foreach ($name in $Environment.Keys) { $psi.Environment[$name] = [string] $Environment[$name] }
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($psi)
    $stderr = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEnd()
    if (-not $process.WaitForExit(120000)) { $process.Kill($true); throw 'The child pwsh did not finish within 120 s.' }
    $stdout + $stderr.Result
}

Export-ModuleMember -Function Start-HostileServer, Set-HostileAnswer, Set-HostileEndlessAnswer, Get-HostileRequest, Invoke-ChildPwsh
