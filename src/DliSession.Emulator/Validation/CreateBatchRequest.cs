namespace DliSession.Emulator.Validation;

/// <summary>What a valid create-batch request decides about the job; the other fields are checked, then kept only
/// in <see cref="RequestBody"/>.</summary>
/// <param name="Target">The queue, or the cluster name when the request names the queue that (legacy) way.</param>
/// <param name="ScType">A, B or C, or CUSTOMIZED when any sizing field overrides the type's defaults.</param>
/// <param name="RequestBody">The create request as compact JSON, which the job reports as <c>req_body</c>.</param>
internal sealed record CreateBatchRequest(string Target, string Name, string ScType, string Feature, string SparkVersion,
    string? Image, bool AutoRecovery, int MaxRetryTimes, string RequestBody);
