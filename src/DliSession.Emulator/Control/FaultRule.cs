using System.Text;
using System.Text.RegularExpressions;
using DliSession.Emulator.Json;

namespace DliSession.Emulator.Control;

/// <summary>One injected fault: the answer the next <c>count</c> matching requests get instead of the real one.</summary>
internal sealed class FaultRule
{
    private const int FillerChunkBytes = 64 * 1024;
    private readonly FaultRequest _request;
    private readonly Regex _path;

    public FaultRule(int id, FaultRequest request)
    {
        Id = id;
        _request = request;
        Remaining = request.Count;
        _path = GlobToRegex(request.Path!);
    }

    public int Id { get; }

    /// <summary>Decremented under the injector's lock.</summary>
    public int Remaining { get; set; }

    public bool Matches(string method, string path) =>
        (_request.Method == "*" || string.Equals(_request.Method, method, StringComparison.OrdinalIgnoreCase)) && _path.IsMatch(path);

    /// <summary>Whether this matching request gets the fault: always, unless a probability below 1 was given.</summary>
    public bool Fires() => _request.Probability >= 1 || Random.Shared.NextDouble() < _request.Probability;

    /// <summary><c>**</c> matches across segments, <c>*</c> within one; everything else is literal.</summary>
    public static Regex GlobToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] != '*') pattern.Append(Regex.Escape(glob[i].ToString()));
            else if (i + 1 < glob.Length && glob[i + 1] == '*') { pattern.Append(".*"); i++; }
            else pattern.Append("[^/]*");
        }
        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// Answers the request as configured; returns the status sent, or 0 when the connection was aborted.
    /// <paramref name="beforeAbort"/> runs just before an abort: the client sees the reset at once, so whatever must be
    /// on record when it does (the journal entry) has to be written first.
    /// </summary>
    public async Task<int> ApplyAsync(HttpContext context, Action beforeAbort)
    {
        try
        {
            if (_request.DelayMs > 0) await Task.Delay(_request.DelayMs, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return 0;
        }
        if (_request.Abort)
        {
            beforeAbort();
            context.Abort();
            return 0;
        }

        var response = context.Response;
        response.StatusCode = _request.Status;
        foreach (var (name, value) in _request.Headers) response.Headers[name] = value;
        if (_request.ContentType is not null) response.ContentType = _request.ContentType;
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(_request.Body), context.RequestAborted);
        await WriteFillerAsync(response.Body, _request.BodyBytes, context.RequestAborted);
        return _request.Status;
    }

    /// <summary>Streams filler so oversized-body tests need no large buffer on either side.</summary>
    private static async Task WriteFillerAsync(Stream body, long bytes, CancellationToken cancel)
    {
        var chunk = new byte[(int)Math.Min(FillerChunkBytes, Math.Max(bytes, 0))];
        Array.Fill(chunk, (byte)'x');
        for (var left = bytes; left > 0; left -= chunk.Length)
            await body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)), cancel);
    }
}
