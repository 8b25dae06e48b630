import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import "./i18n";
import { installAuthRedirects } from "./app/auth-redirects";
import { Providers } from "./app/providers";
import { router } from "./app/router";
import "./app/app.css";

const container = document.getElementById("root");
if (!container) throw new Error("index.html lacks #root");

installAuthRedirects();

createRoot(container).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
