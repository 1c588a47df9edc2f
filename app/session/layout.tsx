import { ModeNav } from "@/app/components/ModeNav";

export default function Layout({ children }: { children: React.ReactNode }): React.ReactNode {
  return (
    <>
      <ModeNav mode="session" />
      {children}
    </>
  );
}
