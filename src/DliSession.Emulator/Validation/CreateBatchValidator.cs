using System.Text.Encodings.Web;
using System.Text.Json;
using static DliSession.Emulator.Validation.JsonBody;

namespace DliSession.Emulator.Validation;

/// <summary>The documented rules of the create-batch body (dli-batch-api §4), with the wire names Huawei's SDKs send
/// (mixed casing). Unknown fields are ignored, as for sessions; every broken rule yields a message naming the field.</summary>
internal static class CreateBatchValidator
{
    public const int MaxRetryTimesLimit = 100;
    public const int DefaultMaxRetryTimes = 20;
    public const string DefaultSparkVersion = "2.3.2";
    public const string CustomFeature = "custom";
    private static readonly string[] Features = ["basic", "ai", CustomFeature];

    public static CreateBatchRequest Validate(byte[] body)
    {
        using var document = ParseObject(body);
        var root = document.RootElement;

        RequiredNonEmpty(root, "file", retiredSpelling: null);
        // The 2021 documentation and the retired SDK models spell it class_name; say so rather than just "required".
        RequiredNonEmpty(root, "className", retiredSpelling: "class_name");
        var target = Target(root);
        var name = SparkJobFields.Name(root) ?? "";
        var scType = SparkJobFields.ScType(root);
        OptionalStringArray(root, "args");
        SparkJobFields.ValidateDependencies(root);
        SparkJobFields.ValidateMemory(root, "driverMemory");
        SparkJobFields.ValidateMemory(root, "executorMemory");
        OptionalIntegerInRange(root, "driverCores", 0);
        OptionalIntegerInRange(root, "executorCores", 0);
        OptionalIntegerInRange(root, "numExecutors", 0);

        var feature = OptionalString(root, "feature", "feature") ?? Features[0];
        if (!Features.Contains(feature)) throw new RequestValidationException("feature must be basic, ai or custom.");
        var image = OptionalString(root, "image", "image");
        if (feature == CustomFeature && string.IsNullOrWhiteSpace(image))
            throw new RequestValidationException("image is required when feature is custom (organisation/image:version).");
        var sparkVersion = OptionalString(root, "spark_version", "spark_version") ?? DefaultSparkVersion;
        var autoRecovery = OptionalBoolean(root, "auto_recovery") ?? false;
        var maxRetryTimes = OptionalIntegerInRange(root, "max_retry_times", 0, MaxRetryTimesLimit) ?? DefaultMaxRetryTimes;
        foreach (var field in (string[])["execution_agency_urn", "obs_bucket", "catalog_name"]) OptionalString(root, field, field);

        return new CreateBatchRequest(target, name, scType, feature, sparkVersion, image, autoRecovery, maxRetryTimes, Compact(root));
    }

    private static void RequiredNonEmpty(JsonElement root, string field, string? retiredSpelling)
    {
        if (!string.IsNullOrWhiteSpace(OptionalString(root, field, field))) return;
        var hint = retiredSpelling is not null && Field(root, retiredSpelling) is not null
            ? $" ({retiredSpelling} is the retired spelling; send {field})"
            : "";
        throw new RequestValidationException($"{field} is required{hint}.");
    }

    /// <summary>queue, or cluster_name (its older alias); the documentation says the two cannot coexist.</summary>
    private static string Target(JsonElement root)
    {
        var queue = OptionalString(root, "queue", "queue");
        var clusterName = OptionalString(root, "cluster_name", "cluster_name");
        if (queue is not null && clusterName is not null)
            throw new RequestValidationException("Give queue or cluster_name, not both.");
        var target = queue ?? clusterName;
        return string.IsNullOrWhiteSpace(target) ? throw new RequestValidationException("queue (or cluster_name) is required.") : target;
    }

    private static string Compact(JsonElement root)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping, as on the rest of the wire, so req_body reads as the client wrote it.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            root.WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
