using static DliSession.Emulator.Validation.JsonBody;

namespace DliSession.Emulator.Validation;

/// <summary>The documented rules of the create-session body (dli-session-api §2.1). Unknown fields are ignored,
/// as Livy's Jackson setup for DLI does; every broken rule yields a message naming the field.</summary>
internal static class CreateSessionValidator
{
    public static CreateSessionRequest Validate(byte[] body)
    {
        using var document = ParseObject(body);
        var root = document.RootElement;

        var kind = OptionalString(root, "kind", "kind") ?? throw new RequestValidationException("kind is required.");
        if (kind != "spark") throw new RequestValidationException("kind must be 'spark'; DLI sessions run Scala only.");

        var clusterName = OptionalString(root, "cluster_name", "cluster_name");
        var queue = OptionalString(root, "queue", "queue");
        var target = !string.IsNullOrWhiteSpace(queue) ? queue
            : !string.IsNullOrWhiteSpace(clusterName) ? clusterName
            : throw new RequestValidationException("cluster_name or queue is required.");

        var name = SparkJobFields.Name(root) ?? "";
        var scType = SparkJobFields.ScType(root);
        SparkJobFields.ValidateDependencies(root);

        var heartbeat = OptionalPositiveInteger(root, "heartbeatTimeoutInSecond") ?? 0;
        SparkJobFields.ValidateMemory(root, "driverMemory");
        SparkJobFields.ValidateMemory(root, "executorMemory");
        OptionalPositiveInteger(root, "driverCores");
        OptionalPositiveInteger(root, "executorCores");
        OptionalPositiveInteger(root, "numExecutors");

        return new CreateSessionRequest(kind, target, name, scType, heartbeat);
    }
}
