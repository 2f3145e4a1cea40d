# A hostile DLI service on loopback for tests of what the module does when the service will not stop: every list
# and log page it sends is full of new items and reports a larger total than the page before. It answers any
# token; the requests it received are counted per kind.

function Start-EndlessService {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $state = [hashtable]::Synchronized(@{ lists = 0; logs = 0 })
    $shell = [powershell]::Create()
    $null = $shell.AddScript({
        param($Listener, $State)
        while ($true) {
            try { $client = $Listener.AcceptTcpClient() } catch { return }
            try {
                $stream = $client.GetStream()
                $reader = [System.IO.StreamReader]::new($stream, [System.Text.Encoding]::ASCII, $false, 1024, $true)
                # One request per connection (Connection: close), so stopping never waits on an idle keep-alive.
                $requestLine = $reader.ReadLine()
                if ($null -ne $requestLine) {
                    while (($line = $reader.ReadLine())) { }
                    $target = $requestLine.Split(' ')[1]
                    $from = if ($target -match '[?&]from=(\d+)') { [int]$Matches[1] } else { 0 }
                    $size = if ($target -match '[?&]size=(\d+)') { [int]$Matches[1] } else { 100 }
                    $size = [math]::Min($size, 50)
                    $total = $from + 2 * $size
                    if ($target -like '*/log*') {
                        $State.logs++
                        $lines = ($from..($from + $size - 1) | ForEach-Object { "`"line $_`"" }) -join ','
                        $body = "{`"id`":`"s1`",`"from`":$from,`"total`":$total,`"log`":[$lines]}"
                    } else {
                        $State.lists++
                        $items = ($from..($from + $size - 1) | ForEach-Object { "{`"id`":`"s$_`",`"state`":`"idle`",`"name`":`"n$_`"}" }) -join ','
                        $body = "{`"from`":$from,`"total`":$total,`"sessions`":[$items]}"
                    }
                    $bytes = [System.Text.Encoding]::UTF8.GetBytes($body)
                    $head = [System.Text.Encoding]::ASCII.GetBytes("HTTP/1.1 200 OK`r`nContent-Type: application/json`r`nContent-Length: $($bytes.Length)`r`nConnection: close`r`n`r`n")
                    $stream.Write($head, 0, $head.Length)
                    $stream.Write($bytes, 0, $bytes.Length)
                }
            } catch {
            } finally { $client.Dispose() }
        }
    }).AddArgument($listener).AddArgument($state)
    $running = $shell.BeginInvoke()
    [pscustomobject]@{
        BaseUri  = "http://127.0.0.1:$($listener.LocalEndpoint.Port)"
        State    = $state
        Listener = $listener
        Shell    = $shell
        Running  = $running
    }
}

function Stop-EndlessService {
    param([Parameter(Mandatory)] $Service)
    $Service.Listener.Stop()
    $null = $Service.Running.AsyncWaitHandle.WaitOne(5000)
    $Service.Shell.Dispose()
}

Export-ModuleMember -Function Start-EndlessService, Stop-EndlessService
