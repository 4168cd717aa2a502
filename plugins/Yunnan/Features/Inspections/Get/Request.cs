namespace SupervisionCore.Plugins.Yunnan.Features.Inspections.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}
