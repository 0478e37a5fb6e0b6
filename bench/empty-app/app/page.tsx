export default function Home() {
  return <p>Empty</p>;
}
