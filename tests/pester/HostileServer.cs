// A hostile HTTP/1.1 server on 127.0.0.1 for attack tests, compiled by HostileServer.psm1 with Add-Type. It records
// every request exactly as it arrived on the socket (request line, header block, body) and answers from scripted
// rules: any status, headers and body, so it can redirect, lie about ids, or send odd error bodies. A proxied
// request arrives with an absolute URI as its target, so the same server, named in HTTP_PROXY, shows whether
// traffic went through a proxy. An endless-pages rule stands for a service that will not stop: every list and log
// page is full of new items and reports a larger total than the page before. Test support only; not shipped.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace DliSession.Tests
{
    public sealed class HostileRequest
    {
        public string Method { get; set; } = "";
        public string Target { get; set; } = "";
        public string Head { get; set; } = "";
        public string Body { get; set; } = "";
        public DateTime Received { get; set; }

        public string Header(string name)
        {
            foreach (var line in Head.Split(new[] { "\r\n" }, StringSplitOptions.None).Skip(1))
            {
                var colon = line.IndexOf(':');
                if (colon > 0 && string.Equals(line.Substring(0, colon).Trim(), name, StringComparison.OrdinalIgnoreCase))
                    return line.Substring(colon + 1).Trim();
            }
            return null;
        }

        public override string ToString() => Method + " " + Target;
    }

    public sealed class HostileRule
    {
        public Regex Match { get; set; }
        public int Status { get; set; }
        public string Headers { get; set; } = "";
        public string Body { get; set; } = "";
        public long BodyRepeat { get; set; } = 1;
        public bool EndlessPages { get; set; }
    }

    public sealed class HostileServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly List<HostileRule> _rules = new List<HostileRule>();

        public ConcurrentQueue<HostileRequest> Requests { get; } = new ConcurrentQueue<HostileRequest>();

        public HostileServer()
        {
            _listener.Start();
            Task.Run(AcceptLoop);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Answers requests whose "METHOD target" matches <paramref name="pattern"/>; later rules win.</summary>
        public void Answer(string pattern, int status, string body, string headers, long bodyRepeat)
        {
            lock (_rules) _rules.Insert(0, new HostileRule
            {
                Match = new Regex(pattern), Status = status, Body = body ?? "", Headers = headers ?? "", BodyRepeat = bodyRepeat,
            });
        }

        /// <summary>
        /// Answers requests matching <paramref name="pattern"/> with pages that never end: min(size, 50) new items
        /// from the target's from= (a log page of lines for a */log* target, else a page of sessions), each page
        /// reporting total = from + 2 * size.
        /// </summary>
        public void AnswerEndlessPages(string pattern)
        {
            lock (_rules) _rules.Insert(0, new HostileRule { Match = new Regex(pattern), Status = 200, EndlessPages = true });
        }

        private static string EndlessPage(string target)
        {
            var fromMatch = Regex.Match(target, @"[?&]from=(\d+)");
            var sizeMatch = Regex.Match(target, @"[?&]size=(\d+)");
            var from = fromMatch.Success ? int.Parse(fromMatch.Groups[1].Value) : 0;
            var size = Math.Min(sizeMatch.Success ? int.Parse(sizeMatch.Groups[1].Value) : 100, 50);
            var total = from + 2 * size;
            var numbers = Enumerable.Range(from, size);
            if (target.Contains("/log"))
                return "{\"id\":\"s1\",\"from\":" + from + ",\"total\":" + total + ",\"log\":["
                    + string.Join(",", numbers.Select(n => "\"line " + n + "\"")) + "]}";
            return "{\"from\":" + from + ",\"total\":" + total + ",\"sessions\":["
                + string.Join(",", numbers.Select(n => "{\"id\":\"s" + n + "\",\"state\":\"idle\",\"name\":\"n" + n + "\"}")) + "]}";
        }

        public void Reset()
        {
            lock (_rules) _rules.Clear();
            while (Requests.TryDequeue(out _)) { }
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await _listener.AcceptTcpClientAsync(); }
                catch (Exception) { return; }
                _ = Task.Run(() => Serve(client));
            }
        }

        private async Task Serve(TcpClient client)
        {
            using (client)
            {
                try
                {
                    var stream = client.GetStream();
                    var head = await ReadHead(stream);
                    if (head == null) return;
                    var requestLine = head.Split(new[] { "\r\n" }, StringSplitOptions.None)[0].Split(' ');
                    var request = new HostileRequest
                    {
                        Method = requestLine[0], Target = requestLine.Length > 1 ? requestLine[1] : "", Head = head,
                        Received = DateTime.UtcNow,
                    };
                    int length;
                    int.TryParse(request.Header("Content-Length") ?? "0", out length);
                    var body = new byte[length];
                    var read = 0;
                    while (read < length)
                    {
                        var n = await stream.ReadAsync(body, read, length - read);
                        if (n == 0) break;
                        read += n;
                    }
                    request.Body = Encoding.UTF8.GetString(body, 0, read);
                    Requests.Enqueue(request);
                    await Respond(stream, request);
                }
                catch (Exception) { }
            }
        }

        private async Task Respond(NetworkStream stream, HostileRequest request)
        {
            HostileRule rule;
            lock (_rules) rule = _rules.FirstOrDefault(r => r.Match.IsMatch(request.Method + " " + request.Target));
            if (rule == null) rule = new HostileRule { Status = 502, Body = "{\"error_code\":\"DLI.0999\",\"error_msg\":\"no scripted answer\"}" };
            var body = Encoding.UTF8.GetBytes(rule.EndlessPages ? EndlessPage(request.Target) : rule.Body);
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(rule.Status).Append(" Scripted\r\n");
            if (rule.EndlessPages) head.Append("Content-Type: application/json\r\n");
            head.Append("Content-Length: ").Append(body.LongLength * rule.BodyRepeat).Append("\r\n");
            head.Append("Connection: close\r\n");
            if (rule.Headers.Length > 0) head.Append(rule.Headers.TrimEnd('\r', '\n')).Append("\r\n");
            head.Append("\r\n");
            var headBytes = Encoding.UTF8.GetBytes(head.ToString());
            await stream.WriteAsync(headBytes, 0, headBytes.Length);
            for (long i = 0; i < rule.BodyRepeat; i++) await stream.WriteAsync(body, 0, body.Length);
        }

        /// <summary>Reads byte by byte up to the blank line, so no body byte is consumed with the head.</summary>
        private static async Task<string> ReadHead(NetworkStream stream)
        {
            var head = new List<byte>();
            var one = new byte[1];
            while (!(head.Count >= 4 && head[head.Count - 4] == '\r' && head[head.Count - 3] == '\n'
                     && head[head.Count - 2] == '\r' && head[head.Count - 1] == '\n'))
            {
                if (await stream.ReadAsync(one, 0, 1) == 0) return head.Count == 0 ? null : Encoding.Latin1.GetString(head.ToArray());
                head.Add(one[0]);
                if (head.Count > 1 << 20) return null;
            }
            return Encoding.Latin1.GetString(head.ToArray(), 0, head.Count - 4);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
