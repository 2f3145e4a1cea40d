using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using DliSession.Client.Errors;
using DliSession.Client.Http;
using DliSession.Client.Models;

namespace DliSession.Client.Tests.Json;

/// <summary>
/// Whatever a server sends, every endpoint's reader yields a complete object or a <see cref="DliResponseException"/>,
/// and the error reader always yields a <see cref="DliApiException"/>: never a NullReferenceException, a FormatException
/// or a half-filled model. Inputs are the documented examples, mutated.
/// </summary>
public sealed class ParserPropertyTests
{
    /// <summary>The body the stub transport answers with, per call, so parallel samples do not see each other's.</summary>
    private static readonly AsyncLocal<byte[]> Body = new();

    private static readonly DliClient Client = new(
        DocumentedExamples.Context.WithHttp(DliHttpSettings.Default with { MaxAttempts = 1 }), NullDliLog.Instance,
        DliHttp.Create(TimeProvider.System, () => new StubHandler()));

    private sealed class StubHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body.Value!) });
    }

    /// <summary>Each endpoint's read, and a check that what it returned is complete.</summary>
    private static readonly (string Name, Func<Task> Read)[] Readers =
    [
        ("session", async () => Complete(await Client.GetSessionAsync("s", default))),
        ("session list", async () =>
        {
            var page = await Client.ListSessionsPageAsync(SessionListQuery.All, 0, 10, default);
            foreach (var session in page.Items) Complete(session);
        }),
        ("state", async () => Assert.False(string.IsNullOrWhiteSpace(await Client.GetSessionStateAsync("s", default)))),
        ("log", async () => Assert.NotNull((await Client.GetSessionLogAsync("s", null, null, default)).Items)),
        ("statement", async () => Complete(await Client.GetStatementAsync("s", 1, default))),
        ("statement list", async () =>
        {
            foreach (var statement in await Client.ListStatementsAsync("s", default)) Complete(statement);
        }),
        ("confirmation", () => Client.DeleteSessionAsync("s", default)),
    ];

    private static void Complete(SparkSession session)
    {
        Assert.False(string.IsNullOrWhiteSpace(session.Id));
        Assert.False(string.IsNullOrWhiteSpace(session.State));
        Assert.NotNull(session.Log);
    }

    private static void Complete(SparkStatement statement)
    {
        Assert.False(string.IsNullOrWhiteSpace(statement.State));
        if (statement.Output is { } output) Assert.NotNull(output.Data);
    }

    private static readonly Gen<JsonNode?> Scalar = Gen.OneOf<JsonNode?>(
        Gen.Const(() => (JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n)),
        // Edges a random long seldom hits: past int, past the calendar, negative.
        Gen.OneOf(0L, -1L, 2147483648L, 253402300800000L, long.MaxValue).Select(n => (JsonNode?)JsonValue.Create(n)),
        Gen.Double.Select(d => (JsonNode?)JsonNode.Parse(double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e400")),
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.OneOf("", "1", "-1", "2147483648", "1.5", "idle").Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Const(() => (JsonNode?)new JsonArray()),
        Gen.Const(() => (JsonNode?)new JsonObject()),
        Gen.Const(() => (JsonNode?)new JsonArray(1, "x", null)));

    /// <summary>One value somewhere in the document (objects and arrays, any depth) deleted or replaced.</summary>
    private static readonly Gen<(int Pick, bool Delete, JsonNode? Value)> Mutation = Gen.Select(Gen.Int[0, 1000], Gen.Bool, Scalar);

    /// <summary>A documented example with one to four mutations, applied one after the other.</summary>
    private static readonly Gen<byte[]> Structural =
        Gen.Select(Gen.OneOf(DocumentedExamples.All), Mutation.Array[1, 4], (json, mutations) =>
        {
            var root = JsonNode.Parse(json)!;
            foreach (var (pick, delete, value) in mutations)
            {
                var slots = new List<(JsonNode Parent, object Key)>();
                Collect(root, slots);
                if (slots.Count == 0) break;
                var (parent, key) = slots[pick % slots.Count];
                if (parent is JsonObject obj)
                {
                    if (delete) obj.Remove((string)key);
                    else obj[(string)key] = value?.DeepClone();
                }
                else if (parent is JsonArray array)
                {
                    if (delete) array.RemoveAt((int)key);
                    else array[(int)key] = value?.DeepClone();
                }
            }
            return Encoding.UTF8.GetBytes(root.ToJsonString());
        });

    private static void Collect(JsonNode node, List<(JsonNode, object)> slots)
    {
        if (node is JsonObject obj)
            foreach (var (name, child) in obj.ToArray())
            {
                slots.Add((obj, name));
                if (child is not null) Collect(child, slots);
            }
        else if (node is JsonArray array)
            for (var i = 0; i < array.Count; i++)
            {
                slots.Add((array, i));
                if (array[i] is { } child) Collect(child, slots);
            }
    }

    /// <summary>Cuts the text short, overwrites a few bytes, or is random bytes altogether.</summary>
    private static readonly Gen<byte[]> Textual = Gen.OneOf(
        Gen.Select(Gen.OneOf(DocumentedExamples.All), Gen.Int[0, 400], (json, at) => Encoding.UTF8.GetBytes(json)[..Math.Min(at, json.Length)]),
        Gen.Select(Gen.OneOf(DocumentedExamples.All), Gen.Int[0, 400], Gen.Byte.Array[1, 4], (json, at, noise) =>
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            noise.CopyTo(bytes.AsSpan(Math.Min(at, bytes.Length - noise.Length)));
            return bytes;
        }),
        Gen.Byte.Array[0, 64]);

    private static readonly Gen<byte[]> AnyBody = Gen.OneOf(Structural, Textual);

    [Fact]
    public void Every_reader_returns_a_complete_object_or_a_DliResponseException() =>
        AnyBody.Sample(body =>
        {
            foreach (var (name, read) in Readers)
            {
                Body.Value = body;
                try
                {
                    read().GetAwaiter().GetResult();
                }
                catch (DliResponseException)
                {
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    Assert.Fail($"The {name} reader threw {ex.GetType().Name}: {ex.Message}");
                }
            }
        }, iter: 3000, print: body => Encoding.UTF8.GetString(body));

    [Fact]
    public void The_error_reader_always_explains_with_a_DliApiException() =>
        AnyBody.Sample(body =>
        {
            using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
            var failure = ErrorResponse.From(response, body, "GET", "/p");
            Assert.StartsWith("DLI answered GET /p with 400", failure.Message);
        }, iter: 3000, print: body => Encoding.UTF8.GetString(body));
}
