namespace DliSession.Emulator;

/// <summary>
/// The six operations sessions and batch jobs both have, on the same verbs and paths: create and list on the
/// collection, read, state, log and delete (a batch job's cancel) on one item, named by <c>{idName}</c>.
/// </summary>
internal static class ResourceRoutes
{
    public static void MapResource(this IEndpointRouteBuilder app, string route, string idName, Delegate create, Delegate list,
        Delegate get, Delegate getState, Delegate getLog, Delegate delete)
    {
        var collection = app.MapGroup(route);
        var item = "/{" + idName + "}";
        collection.MapPost("", create);
        collection.MapGet("", list);
        collection.MapGet(item, get);
        collection.MapGet(item + "/state", getState);
        collection.MapGet(item + "/log", getLog);
        collection.MapDelete(item, delete);
    }
}
