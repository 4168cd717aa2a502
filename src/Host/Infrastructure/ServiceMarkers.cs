namespace SupervisionCore.Host.Infrastructure;

/// <summary>A Host service registered per request scope by the start-up scan (no edit of the composition root needed).</summary>
public interface IScopedService;

/// <summary>A Host service registered as a singleton by the start-up scan.</summary>
public interface ISingletonService;
