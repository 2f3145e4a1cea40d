namespace DliSession.Client.Models;

/// <summary>The sort orders of the job list (the list's <c>order</c> parameter).</summary>
public enum SparkJobOrder
{
    CreateTimeDesc,
    CreateTimeAsc,
    DurationDesc,
    DurationAsc,
}
