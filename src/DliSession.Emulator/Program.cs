using DliSession.Emulator;

return await EmulatorApp.RunAsync(args);
