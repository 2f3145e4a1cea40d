using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DliSession.Client.Auth;

// The floor of bench/Invoke-Benchmark.ps1. Modes:
//   serve <baseUri> <projectId> <token>   reads "get <id> <n>", "getjob <id> <n>" or "post <n>" from stdin until it ends, answering each
//                                        with one line of per-call microseconds, so the script can interleave it
//                                        with its PowerShell contenders against the same emulator
//   list <baseUri> <projectId> <token> <pageSize>   streams the whole session list; prints one JSON line
//   listjobs <baseUri> <projectId> <token> <pageSize>   the same for the Spark job (batch) list
//   sign <n>                             times the core's AK/SK signer; prints microseconds per request
return args switch
{
    ["serve", var baseUri, var project, var token] => await Floor.Serve(Floor.CreateClient(baseUri, project, token)),
    ["list", var baseUri, var project, var token, var size] => await Floor.List(Floor.CreateClient(baseUri, project, token), int.Parse(size)),
    ["listjobs", var baseUri, var project, var token, var size] => await Floor.ListJobs(Floor.CreateClient(baseUri, project, token), int.Parse(size)),
    ["sign", var count] => Floor.Sign(int.Parse(count)),
    _ => Floor.Usage(),
};

internal static class Floor
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static HttpClient CreateClient(string baseUri, string project, string token)
    {
        // The same transport settings as the module's pipeline, so only the layers above the socket differ.
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10), UseCookies = false })
        {
            BaseAddress = new Uri($"{baseUri.TrimEnd('/')}/v2.0/{Uri.EscapeDataString(project)}/"),
        };
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        return client;
    }

    public static async Task<int> Serve(HttpClient client)
    {
        while (Console.ReadLine() is { } line)
        {
            var parts = line.Split(' ');
            var count = int.Parse(parts[^1]);
            var micros = new double[count];
            for (var i = 0; i < count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var id = parts[0] switch
                {
                    "get" => (await GetAsync(client, "sessions/" + Uri.EscapeDataString(parts[1]), FloorJson.Default.Session))?.Id,
                    "getjob" => (await GetAsync(client, "batches/" + Uri.EscapeDataString(parts[1]), FloorJson.Default.Job))?.Id,
                    "post" => (await PostAsync(client))?.Id,
                    _ => null,
                };
                micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                if (id is null) return 1;
            }
            Console.WriteLine(string.Join(' ', micros.Select(m => m.ToString("F1", System.Globalization.CultureInfo.InvariantCulture))));
        }
        return 0;
    }

    public static Task<int> List(HttpClient client, int pageSize) =>
        ListAll(client, "sessions", pageSize, FloorJson.Default.SessionPage, page => (page.Sessions?.Count ?? 0, page.Total));

    public static Task<int> ListJobs(HttpClient client, int pageSize) =>
        ListAll(client, "batches", pageSize, FloorJson.Default.JobPage, page => (page.Batches?.Count ?? 0, page.Total));

    /// <summary>Reads a list page by page to its end, timing the whole and the first item; prints one JSON line.</summary>
    private static async Task<int> ListAll<TPage>(HttpClient client, string path, int pageSize, JsonTypeInfo<TPage> pageType,
        Func<TPage, (int Count, int? Total)> measure)
    {
        var started = Stopwatch.GetTimestamp();
        double firstMs = -1;
        var count = 0;
        for (var from = 0; ; from += pageSize)
        {
            using var response = await client.GetAsync($"{path}?from={from}&size={pageSize}", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            if (await JsonSerializer.DeserializeAsync(body, pageType) is not { } page) break;
            var (items, total) = measure(page);
            if (items == 0) break;
            if (firstMs < 0) firstMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            count += items;
            if (total is { } all && from + items >= all) break;
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine(JsonSerializer.Serialize(new ListResult(seconds, firstMs, count, peak), FloorJson.Default.ListResult));
        return 0;
    }

    /// <summary>Signs GET requests the way every module call is signed (a fresh X-Sdk-Date each time), request creation excluded.</summary>
    public static int Sign(int count)
    {
        var credential = new AccessKeyCredential("BENCHAK", SecureStrings.FromString("bench-secret-key"));
        var uri = new Uri("https://dli.example.com/v2.0/bench-project/sessions/bench-session");
        for (var round = 0; round < 2; round++) // the first round JITs
        {
            var requests = Enumerable.Range(0, count).Select(_ => new HttpRequestMessage(HttpMethod.Get, uri)).ToArray();
            var started = Stopwatch.GetTimestamp();
            foreach (var request in requests) credential.Authenticate(request, [], "bench-project", DateTimeOffset.UtcNow);
            if (round == 1) Console.WriteLine((Stopwatch.GetElapsedTime(started).TotalMicroseconds / count).ToString("F2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return 0;
    }

    public static int Usage()
    {
        Console.Error.WriteLine("usage: serve <baseUri> <projectId> <token> | list|listjobs <baseUri> <projectId> <token> <pageSize> | sign <n>");
        return 2;
    }

    private static async Task<T?> GetAsync<T>(HttpClient client, string path, JsonTypeInfo<T> type)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), type);
    }

    private static async Task<Session?> PostAsync(HttpClient client)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(CreateBody.Bench, FloorJson.Default.CreateBody);
        using var response = await client.PostAsync("sessions", new ByteArrayContent(body) { Headers = { ContentType = Json } });
        response.EnsureSuccessStatusCode();
        return JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(), FloorJson.Default.Session);
    }
}

/// <summary>The fields a caller reads; the same ones the module maps.</summary>
internal sealed record Session(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("appId")] string? AppId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("proxyUser")] string? ProxyUser,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("log")] string[]? Log,
    [property: JsonPropertyName("appInfo")] Dictionary<string, string?>? AppInfo,
    [property: JsonPropertyName("sc_type")] string? ScType,
    [property: JsonPropertyName("cluster_name")] string? ClusterName,
    [property: JsonPropertyName("queue")] string? Queue,
    [property: JsonPropertyName("create_time")] long? CreateTime,
    [property: JsonPropertyName("update_time")] long? UpdateTime);

internal sealed record SessionPage(
    [property: JsonPropertyName("from")] int? From,
    [property: JsonPropertyName("total")] int? Total,
    [property: JsonPropertyName("sessions")] List<Session>? Sessions);

/// <summary>
/// The Spark job (batch) fields a caller reads, the same ones the module maps (req_body kept as its JSON text, as the
/// module keeps it until asked); appId is left out, since DLI sends it in several shapes.
/// </summary>
internal sealed record Job(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("proxyUser")] string? ProxyUser,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("log")] string[]? Log,
    [property: JsonPropertyName("queue")] string? Queue,
    [property: JsonPropertyName("sc_type")] string? ScType,
    [property: JsonPropertyName("cluster_name")] string? ClusterName,
    [property: JsonPropertyName("image")] string? Image,
    [property: JsonPropertyName("feature")] string? Feature,
    [property: JsonPropertyName("spark_version")] string? SparkVersion,
    [property: JsonPropertyName("req_body")] string? RequestBody,
    [property: JsonPropertyName("create_time")] long? CreateTime,
    [property: JsonPropertyName("update_time")] long? UpdateTime,
    [property: JsonPropertyName("duration")] long? Duration);

/// <summary>A page of the batch list: DLI puts the jobs under "sessions", as in the session list.</summary>
internal sealed record JobPage(
    [property: JsonPropertyName("from")] int? From,
    [property: JsonPropertyName("total")] int? Total,
    [property: JsonPropertyName("sessions")] List<Job>? Batches);

/// <summary>The body every create contender sends: the same fields New-DliSession sends for the benchmark's parameters.</summary>
internal sealed record CreateBody(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("queue")] string Queue,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("conf")] Dictionary<string, string> Conf)
{
    public static readonly CreateBody Bench = new("spark", "bench", "bench", new() { ["spark.sql.shuffle.partitions"] = "8" });
}

internal sealed record ListResult(double Seconds, double FirstObjectMs, int Count, long PeakWorkingSet);

[JsonSerializable(typeof(Session))]
[JsonSerializable(typeof(SessionPage))]
[JsonSerializable(typeof(CreateBody))]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(JobPage))]
[JsonSerializable(typeof(ListResult))]
internal sealed partial class FloorJson : JsonSerializerContext;
