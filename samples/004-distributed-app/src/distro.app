%% The application resource file: erl reads it from the code path (ebin/) when the application starts.
{application, distro,
 [{description, "A calculator that runs on one node of three and moves when that node dies"},
  {vsn, "1.0.0"},
  {modules, [distro_app, distro_sup, distro_calc]},
  {registered, [distro_sup, distro_calc]},
  {applications, [kernel, stdlib]},
  {mod, {distro_app, []}}]}.
