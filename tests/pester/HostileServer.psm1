# Test support for attack tests: a hostile loopback HTTP server (HostileServer.cs) that records raw requests and
# answers from scripted rules or with endless list and log pages. Used only by tests; not shipped with the module.

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
    # -Filler follows the body -Repeat times, then -Tail (large bodies without a large string). The last rule set wins.
    param(
        [Parameter(Mandatory, Position = 0)] $Server,
        [Parameter(Mandatory)] [string] $Match,
        [int] $Status = 200,
        [string] $Body = '',
        [string] $Headers = '',
        [string] $Filler = '',
        [long] $Repeat = 0,
        [string] $Tail = ''
    )
    $Server.Answer($Match, $Status, $Body, $Headers, $Filler, $Repeat, $Tail)
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

Export-ModuleMember -Function Start-HostileServer, Set-HostileAnswer, Set-HostileEndlessAnswer, Get-HostileRequest
